"""portal/domain holds the rules users can argue about; it imports no framework."""
import ast
from pathlib import Path

DOMAIN = Path(__file__).resolve().parents[2] / "portal" / "domain"
FORBIDDEN = ("flask", "sqlalchemy", "flask_", "portal.extensions", "werkzeug", "jinja2")


def _imports(path: Path) -> list[str]:
    names = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            names += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.append(node.module)
    return names


def test_domain_modules_exist():
    assert list(DOMAIN.glob("*.py")), "portal/domain has no modules"


def test_domain_imports_no_framework():
    offenders = {
        f"{path.name}: {name}"
        for path in DOMAIN.rglob("*.py")
        for name in _imports(path)
        if name.startswith(FORBIDDEN)
    }
    assert not offenders, f"portal/domain must stay pure: {sorted(offenders)}"
