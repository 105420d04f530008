"""Benchmark of the matching engine, with a naive and a floor reference measured in the same run.

Scenarios: one role against 50,000 candidates; 2,000 roles for one candidate;
the full cross of 10,000 candidates by 2,000 roles. References: a plain Python
loop with difflib.SequenceMatcher over the same skill texts (what a naive
implementation does; for the big scenarios measured on a sample and scaled,
and said so), and bare rapidfuzz.process.cdist over the same strings (the floor).
Targets: 50,000 candidates in under 0.5 s; the full cross in under 30 s. The engine works on concepts
(issue 14): profiles are analysed first, as the services do when they build them (texts to occupation
and skill concepts, once per distinct text); that analysis is timed and printed apart. The cdist floor
(string similarity over the same texts) is printed for comparison with the engine before issue 14.

Run: .venv/bin/python bench/matching.py [--quick]
"""
from __future__ import annotations

import os
import random
import sys
import time
from difflib import SequenceMatcher

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from dataclasses import replace

from rapidfuzz import fuzz, process

from portal.domain.matching import CandidateProfile, MatchOptions, RoleProfile
from portal.domain.matching_arrays import score_matrix
from portal.domain.ranking import rank_candidates, rank_roles
from portal.reference.concepts import language_skills, match_concepts

STEMS = ["asiakaspalvelu", "siivous", "kiinteistohuolto", "varasto", "trukin ajo", "keittio", "hygieniapassi",
         "kassa", "hyllytys", "toimisto-ohjelmat", "tietojen syotto", "arkistointi", "vastaanotto", "it-tuki",
         "ohjelmointi", "graafinen suunnittelu", "kirjanpito", "hoiva-avustaja", "lastenhoito", "viheralueiden hoito",
         "kokoonpano", "pakkaaminen", "kierratys", "pesula", "kuljetus", "myynti", "sosiaalinen media", "kaantaminen",
         "puutyot", "tekstiilityot", "valokuvaus", "ensiapu", "tyoturvallisuus", "tiimityo", "polkupyorien korjaus",
         "astianpesu", "laitoshuolto", "logistiikka", "keraily", "tilausten kasittely", "puhelinpalvelu",
         "laskutus", "palkanlaskenta", "excel", "verkkokauppa", "somistus", "leipominen", "kahvilatyo", "tarjoilu",
         "autonpesu", "muuttotyot", "lumityot", "postinjakelu", "lehtien jakelu", "kulunvalvonta", "vartiointi"]
ENDINGS = ["", "", "", "tehtavat", "tyot", "osaaminen", "kokemus", "n perusteet", "taidot", "alan tyo"]
TITLES = ["myyja", "siivooja", "varastotyontekija", "kokki", "keittioapulainen", "toimistoavustaja",
          "kiinteistonhoitaja", "asiakaspalvelija", "hoiva-avustaja", "kuljettaja", "tarjoilija", "vahtimestari"]
MUNIS = ["091", "049", "092", "235", "245", "858", "837", "853", "564", "179", "398", "297", "609", "286"]
ADJ = ["part_time", "flexible_hours", "remote_days", "quiet_workspace", "written_instructions", "job_carving",
       "assistive_tools", "accessible_premises", "mentor", "workplace_coach", "extra_breaks", "gradual_start"]
DEMANDS = ["lifting", "standing", "walking", "sitting", "fine_motor", "noise", "screen_time", "shift_work"]


def skill(rng: random.Random) -> str:
    text = rng.choice(STEMS) + rng.choice(ENDINGS)
    if rng.random() < 0.1 and len(text) > 6:  # a typo
        i = rng.randrange(1, len(text) - 1)
        text = text[:i] + text[i + 1:]
    return text


def candidates(n: int, rng: random.Random) -> list[CandidateProfile]:
    out = []
    for i in range(n):
        low = rng.choice([10, 15, 20, 25, 30])
        out.append(CandidateProfile(
            id=i + 1, hours_min=low, hours_max=low + rng.choice([5, 10, 15]), municipality=rng.choice(MUNIS),
            limits={d: rng.randint(0, 3) for d in rng.sample(DEMANDS, rng.randint(0, 3))},
            adjustments_needed=frozenset(rng.sample(ADJ, rng.randint(0, 2))),
            skills=tuple(skill(rng) for _ in range(rng.randint(3, 8))),
            desired=tuple(rng.sample(TITLES, rng.randint(1, 2))),
            languages=frozenset({"fi"} | ({"sv"} if rng.random() < 0.1 else set())),
            target_groups=frozenset(rng.sample(["partial_work_ability", "long_term_unemployed", "young"], 1))))
    return out


def roles(n: int, rng: random.Random) -> list[RoleProfile]:
    out = []
    for i in range(n):
        low = rng.choice([10, 15, 20, 25])
        out.append(RoleProfile(
            id=i + 1, hours_min=low, hours_max=low + rng.choice([10, 15, 17]), municipality=rng.choice(MUNIS),
            remote=rng.choice(["none", "none", "partly", "fully"]),
            demands={d: rng.randint(1, 3) for d in rng.sample(DEMANDS, rng.randint(0, 3))},
            adjustments_offered=frozenset(rng.sample(ADJ, rng.randint(2, 8))),
            essential_skills=tuple(skill(rng) for _ in range(rng.randint(1, 4))),
            negotiable_skills=tuple(skill(rng) for _ in range(rng.randint(0, 3))),
            title=rng.choice(TITLES), occupation=rng.choice(TITLES),
            clause_target_groups=frozenset(rng.sample(["partial_work_ability", "young"], rng.randint(0, 1)))))
    return out


OPTIONS = MatchOptions(neighbours={"091": frozenset({"049", "092"}), "049": frozenset({"091", "235", "092"})},
                       removed_by={"standing": frozenset({"assistive_tools"}), "noise": frozenset({"quiet_workspace"})},
                       language_skills=language_skills())


def analysed(people: list[CandidateProfile], pool: list[RoleProfile]) -> tuple[list, list]:
    """The profiles with their concepts, as portal.matching's services build them."""
    concepts = match_concepts()
    out_c = []
    for c in people:
        desired, skills, held = concepts.candidate(c.desired, c.skills, (), c.languages)
        out_c.append(replace(c, desired_codes=desired, skill_codes=skills, held=held))
    out_r = []
    for r in pool:
        occupations, essential, negotiable = concepts.role(None, r.occupation, r.essential_skills, r.negotiable_skills)
        out_r.append(replace(r, occupation_codes=occupations, essential_codes=essential, negotiable_codes=negotiable))
    return out_c, out_r


CPU = {}  # the CPU seconds (all threads) of the last timed() call's best run


def timed(fn, repeat: int = 3) -> float:
    """Best wall time of `repeat` runs; its CPU time goes to CPU["last"] (other load shows as wall >> CPU)."""
    best = float("inf")
    for _ in range(repeat):
        start, cpu = time.perf_counter(), time.process_time()
        fn()
        spent = time.perf_counter() - start
        if spent < best:
            best, CPU["last"] = spent, time.process_time() - cpu
    return best


def floor(queries: list[str], choices: list[str]) -> float:
    return timed(lambda: process.cdist(queries, choices, scorer=fuzz.partial_ratio, dtype="float32", workers=-1))


def naive(queries: list[str], choices: list[str], sample: int) -> tuple[float, str]:
    """difflib over a sample of the choices, scaled to all of them."""
    part = choices[:sample]
    start = time.perf_counter()
    for q in queries:
        for c in part:
            SequenceMatcher(None, q, c).ratio()
    spent = time.perf_counter() - start
    scaled = spent * len(choices) / len(part)
    note = "" if len(part) == len(choices) else f" (measured on {len(part):,} of {len(choices):,}, scaled)"
    return scaled, note


def report(name: str, engine: float, engine_cpu: float, floor_s: float, naive_s: float, note: str,
           target: float) -> None:
    ok = "meets" if engine < target else "MISSES"
    print(f"{name}\n  engine {engine:8.3f} s (CPU {engine_cpu:.3f} s)   cdist floor {floor_s:8.3f} s"
          f"   ratio {engine / floor_s:5.2f}x   difflib loop {naive_s:10.1f} s{note}"
          f"\n  target < {target} s: {ok}   load average now {os.getloadavg()[0]:.1f}")


def main(quick: bool) -> None:
    rng = random.Random(2026)
    scale = 10 if quick else 1
    many = candidates(50_000 // scale, rng)
    pool = roles(2_000 // scale, rng)
    print(f"machine: {os.cpu_count()} cores; python {sys.version.split()[0]}; load average "
          f"{os.getloadavg()[0]:.1f} (other processes share the cores: compare wall with CPU time)")
    start, cpu = time.perf_counter(), time.process_time()
    many, pool = analysed(many, pool)
    print(f"analysis of {len(many):,} candidates and {len(pool):,} roles into concepts (once per distinct text): "
          f"{time.perf_counter() - start:.2f} s (CPU {time.process_time() - cpu:.2f} s)")

    role = pool[0]
    flat = [s for c in many for s in c.skills]
    engine = timed(lambda: rank_candidates(role, many, OPTIONS, limit=50))
    engine_cpu = CPU["last"]
    ref = floor(list(role.essential_skills + role.negotiable_skills), flat)
    slow, note = naive(list(role.essential_skills + role.negotiable_skills), flat, 20_000)
    report(f"one role against {len(many):,} candidates", engine, engine_cpu, ref, slow, note, 0.5)

    person = many[0]
    role_flat = [s for r in pool for s in r.essential_skills + r.negotiable_skills]
    engine = timed(lambda: rank_roles(person, pool, OPTIONS, limit=50))
    engine_cpu = CPU["last"]
    ref = floor(role_flat, list(person.skills))
    slow, note = naive(role_flat, list(person.skills), len(role_flat))
    report(f"{len(pool):,} roles for one candidate", engine, engine_cpu, ref, slow, note, 0.5)

    cross_c = many[: 10_000 // scale]
    engine = timed(lambda: score_matrix(cross_c, pool, OPTIONS), repeat=1)
    engine_cpu = CPU["last"]
    cross_flat = [s for c in cross_c for s in c.skills]
    ref = timed(lambda: process.cdist(role_flat, cross_flat, scorer=fuzz.partial_ratio, dtype="float32",
                                      workers=-1), repeat=1)
    slow, note = naive(role_flat[:50], cross_flat, 2_000)
    slow *= len(role_flat) / 50
    report(f"full cross {len(cross_c):,} candidates x {len(pool):,} roles", engine, engine_cpu, ref, slow,
           note + " (and 50 of the role texts)", 30.0)


if __name__ == "__main__":
    main("--quick" in sys.argv)
