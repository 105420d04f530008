"""Markdown is rendered without raw HTML and sanitised: the usual script-injection forms never survive."""
import re

import pytest

from portal.campaigns.content import render, sanitise

ATTACKS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<img src=x onerror=alert(1)>",
    "<body onload=alert(1)>",
    "<a href=\"javascript:alert(1)\">x</a>",
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    "[click](javascript&colon;alert(1))",
    "[click](&#106;avascript:alert(1))",
    "[click](vbscript:msgbox(1))",
    "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
    "![x](javascript:alert(1))",
    "<svg onload=alert(1)><script>alert(1)</script></svg>",
    "<svg><a xlink:href=\"javascript:alert(1)\"><text>x</text></a></svg>",
    "<math><maction actiontype=\"statusline\" xlink:href=\"javascript:alert(1)\">x</maction></math>",
    "<iframe src=\"https://evil.example\"></iframe>",
    "<object data=\"x.swf\"></object><embed src=\"x.swf\">",
    "<style>body{background:url(javascript:alert(1))}</style>",
    "<p style=\"background:url(javascript:alert(1))\">x</p>",
    "<<script>script>alert(1)<</script>/script>",
    "<scr<script>ipt>alert(1)</script>",
    "<img src=\"x\" onerror=\"alert(1)\"",
    "<a href=\"  javascript:alert(1)\">x</a>",
    "<form action=\"javascript:alert(1)\"><button>x</button></form>",
    "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
    "<base href=\"javascript:alert(1)//\">",
    "<details open ontoggle=alert(1)>",
    "<!--<img src=x onerror=alert(1)>-->",
]


@pytest.mark.parametrize("attack", ATTACKS)
def test_rendered_markdown_never_carries_live_script(attack):
    html = render(attack)
    tags = _tags(html)  # what the writer typed may remain as escaped text; no markup may carry it
    assert not re.search(r"<(script|iframe|object|embed|style|svg|math|img|form|meta|base|details)\b", tags, re.I)
    assert not re.search(r"\son\w+=|style=|javascript:|vbscript:|data:", tags, re.I), html
    assert not re.search(r'\shref="(?!https?:|mailto:|/|#)', tags), html


@pytest.mark.parametrize("attack", ATTACKS)
def test_sanitiser_alone_removes_the_same_forms_from_raw_html(attack):
    html = sanitise(attack)
    tags = _tags(html)
    assert not re.search(r"<(script|iframe|object|embed|style|svg|math|img|form|meta|base|details)\b", tags, re.I)
    assert not re.search(r"\son\w+=|style=|javascript:|vbscript:|data:", tags, re.I), html


def _tags(html: str) -> str:
    """Only the markup of the result (text between tags is harmless once escaped)."""
    return " ".join(re.findall(r"<[^>]*>", html))


def test_ordinary_markdown_keeps_its_meaning():
    html = render("# Otsikko\n\n**Vahva** ja *kursiivi*\n\n- yksi\n- kaksi\n\n[Linkki](https://te-palvelut.fi)"
                  " ja [posti](mailto:info@example.fi)\n\n|a|b|\n|-|-|\n|1|2|")
    assert "<h2>Otsikko</h2>" in html  # the page title is the only h1
    assert "<strong>Vahva</strong>" in html and "<em>kursiivi</em>" in html and "<li>kaksi</li>" in html
    assert '<a href="https://te-palvelut.fi" rel="noopener noreferrer">Linkki</a>' in html
    assert 'href="mailto:info@example.fi"' in html
    assert '<th scope="col">a</th>' in html


def test_html_typed_in_markdown_is_shown_as_text_not_run():
    assert render("Hei <b onclick=x>maailma</b>") == "<p>Hei &lt;b onclick=x&gt;maailma&lt;/b&gt;</p>\n"
    assert render("") == "" and render("   ") == ""
