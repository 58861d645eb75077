"""The sources the education content cites: ids and titles exactly as in evidence.md."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

SOURCES: Final[Mapping[str, str]] = MappingProxyType(
    {
        "S1": "Silbernagel et al. Continued sports activity, using a pain-monitoring model, "
        "during rehabilitation in patients with Achilles tendinopathy: a randomized "
        "controlled study (AJSM 2007)",
        "S3": "The Pain-Monitoring Model (BIM Physio, credited to RunningPhysio/Tom Goom)",
        "S7": "Smith et al. Should exercises be painful in the management of chronic "
        "musculoskeletal pain? SR/MA (BJSM 2017)",
        "S16": "Goom, Malliaras, Reiman, Purdam. Proximal Hamstring Tendinopathy: Clinical "
        "Aspects of Assessment and Management (JOSPT 2016)",
        "S17": "Hamstring tendinopathy: how to rehabilitate, part 3 (Performance Health "
        "Academy, quoting Goom 2016)",
        "S18": "Hamstring tendinopathy: how to diagnose and manage, part 1 (Performance Health"
        " Academy)",
        "S19": "PHT podcast and exercises (RunningPhysio, Tom Goom)",
        "S20": "Improving sitting pain in Proximal Hamstring Tendinopathy (RunningPhysio)",
        "S21": "Proximal hamstring tendinopathy part 2 (Advantage Sport Medicine, summarising "
        "Goom 2016)",
        "S23": "Beatty et al. Rehabilitation and Prevention of Proximal Hamstring Tendinopathy"
        " (Curr Sports Med Rep 2017)",
        "S24": "Nasser et al. Proximal hamstring tendinopathy; expert physiotherapists' "
        "perspectives (Phys Ther Sport 2021;48:67-75)",
        "S27": "Clifford et al. Effectiveness of isometric exercise in the management of "
        "tendinopathy: SR/MA (BMJ Open SEM 2020)",
        "S41": "Nine core health domains of tendinopathy (table citing Vicenzino et al. 2020)",
        "S42": "Freckleton, Cook, Pizzari. Predictive validity of a single leg bridge test for"
        " hamstring injuries (BJSM 2014)",
        "S43": "Strength testing with single leg hamstring bridge test (MAT Assessment)",
        "S44": "Hamstring research interview with G. Freckleton (Physica)",
        "S45": "The Single Leg Bridge Test does not replace handheld dynamometer hamstring "
        "tests (Phys Ther Sport 2023)",
        "S46": "Paton et al. London International Consensus and Delphi study on hamstring "
        "injuries part 3 (BJSM 2023)",
        "S47": "van der Horst et al. Return to play after hamstring injuries in football: "
        "worldwide Delphi (BJSM 2017)",
        "S48": "Gokeler et al. Development of a test battery to enhance safe return to sports "
        "after ACL reconstruction (KSSTA 2017)",
        "S55": "The basic slump test procedure (APTEI)",
        "S56": "Slump test: sensory responses in asymptomatic subjects (summary)",
        "S57": 'Coppieters & Butler. Do "sliders" slide and "tensioners" tension? (Man Ther 2008)',
        "S64": "Sciatica (GPnotebook)",
        "S65": "Spine-related leg symptoms / lumbar radiculopathy (MSK pathways)",
        "S68": "Red flags table (Chiropractic & Manual Therapies 2006)",
        "S73": "Proximal Hamstring Tendinopathy - when to seek immediate attention (Kinetikare"
        " Physio)",
        "S74": "Proximal Hamstring Tendinopathy (Calderdale & Huddersfield NHS FT)",
        "S78": "Saw, Main, Gastin. Monitoring the athlete training response: subjective "
        "self-reported measures trump commonly used objective measures (BJSM 2016)",
    }
)


def cited(ids: tuple[str, ...]) -> list[dict[str, str]]:
    return [{"id": source, "title": SOURCES[source]} for source in ids]
