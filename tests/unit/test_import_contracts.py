"""The import contracts in pyproject.toml name every module they are about, so a new one cannot slip past them."""
from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PORTAL = ROOT / "portal"
# They put the features together: the blueprints, the tables and the demo data of every feature.
COMPOSITION = {"portal.__init__", "portal.models", "portal.cli", "portal.features"}
NOT_FEATURES = {"domain", "migrations", "translations", "__pycache__"}


def _contracts() -> dict[str, dict]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return {c["name"]: c for c in config["tool"]["importlinter"]["contracts"]}


def _core_modules() -> set[str]:
    return {f"portal.{p.stem}" for p in PORTAL.glob("*.py")} - COMPOSITION


def _feature_packages() -> set[str]:
    return {f"portal.{p.name}" for p in PORTAL.iterdir()
            if p.is_dir() and (p / "__init__.py").exists() and p.name not in NOT_FEATURES}


def test_every_core_module_is_held_to_importing_no_feature():
    contract = _contracts()["the core imports no feature"]
    assert set(contract["source_modules"]) == _core_modules()


def test_every_feature_package_is_forbidden_to_the_core():
    contract = _contracts()["the core imports no feature"]
    assert set(contract["forbidden_modules"]) == _feature_packages()


def test_the_composition_modules_are_the_only_ones_left_out_of_the_cycle_check():
    contract = _contracts()["the feature packages form no cycle"]
    assert set(contract["skip_descendants"]) == COMPOSITION - {"portal.__init__"}
    assert contract["ancestors"] == ["portal"]


def test_the_domain_may_import_nothing_of_the_portal_outside_it():
    contract = _contracts()["the domain imports no framework and no other part of the portal"]
    assert contract["source_modules"] == ["portal.domain"]
    assert "portal.*" in contract["forbidden_modules"]
    assert {"flask", "sqlalchemy", "werkzeug", "wtforms"} <= set(contract["forbidden_modules"])
