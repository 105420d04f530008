"""portal.features names every feature once: none may be forgotten, since nothing finds them by their files."""
from __future__ import annotations

from pathlib import Path

from portal import features

PORTAL = Path(features.__file__).resolve().parent


def _packages_with(pattern: str) -> set[str]:
    return {p.parent.name for p in PORTAL.glob(f"*/{pattern}")}


def test_every_package_with_views_is_a_listed_feature():
    listed = {f.__name__.rsplit(".", 1)[1] for f in features.FEATURES}
    assert _packages_with("views.py") == listed


def test_every_feature_blueprint_is_registered_under_its_package_name(app):
    assert {f.__name__.rsplit(".", 1)[1] for f in features.FEATURES} == set(app.blueprints)
    for feature in features.FEATURES:
        assert feature.bp.name == feature.__name__.rsplit(".", 1)[1]


def test_every_models_module_is_listed():
    listed = {m.__name__ for m in features.MODELS}
    expected = {f"portal.{name}.models" for name in _packages_with("models.py")}
    assert expected == listed


def test_every_demo_module_is_listed_once_in_its_order():
    names = [m.__name__.split(".")[1] for m in features.DEMOS]
    assert sorted(names) == sorted(_packages_with("demo.py"))
    # Later demo data builds on earlier: the accounts first, the report summaries last.
    assert names[0] == "accounts" and names[-1] == "reports"
    assert names.index("directory") < names.index("coaching") < names.index("matching")
    assert names.index("events") == names.index("campaigns") + 1  # the demo event is the demo campaign's


def test_view_modules_take_bp_from_their_package():
    for path in PORTAL.glob("*/views*.py"):
        source = path.read_text(encoding="utf-8")
        assert "Blueprint(" not in source, f"{path.name} of {path.parent.name} makes its own blueprint"
        assert f"from portal.{path.parent.name}.views import" not in source, f"{path} imports a sibling view module"
