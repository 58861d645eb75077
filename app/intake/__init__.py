"""Both ends of the pathway: the intake, the clinician's assessment, maintenance checks."""
