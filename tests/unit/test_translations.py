"""Every message of the portal is translated into Finnish and Swedish."""
from portal import i18n_tools


def test_catalogs_exist_for_core():
    names = [c.name for c in i18n_tools.catalogs()]
    assert names[0] == "core"


def test_no_finnish_or_swedish_message_is_untranslated():
    missing = {f"{catalog} [{lang}]": ids for (catalog, lang), ids in i18n_tools.untranslated().items() if ids}
    assert not missing, "untranslated messages (run `flask i18n update` and translate):\n" + "\n".join(
        f"{where}: {ids[:10]}{' ...' if len(ids) > 10 else ''}" for where, ids in missing.items())


def test_sources_contain_messages():
    # Guards the test above against passing because extraction found nothing.
    core = i18n_tools.catalogs()[0]
    assert len(i18n_tools.extract(core)) > 50
