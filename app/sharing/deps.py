"""The dependency of every clinician route about one patient: that patient, reached through a
live clinician link (else 404, as for a patient who does not exist)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from app.auth.deps import ClinicianUser
from app.core.db import SessionDep
from app.sharing.service import LinkedPatient, linked_patient

CLINICIAN_SCOPE = "clinician"


def linked(patient_id: str, clinician: ClinicianUser, session: SessionDep) -> LinkedPatient:
    return linked_patient(session, clinician, patient_id, CLINICIAN_SCOPE)


LinkedDep = Annotated[LinkedPatient, Depends(linked)]
