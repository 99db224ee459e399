from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from colony.core.html import extract_mentions, render_markdown


def resolve(handle: str) -> str | None:
    return f"/@{handle}" if handle in {"bob", "ana_1"} else None


def test_it_links_known_mentions_and_leaves_unknown_ones_as_text():
    out = render_markdown("Thanks @bob and @nobody!", resolve)
    assert '<a href="/@bob" class="mention"' in out.html
    assert "@nobody" in out.html and "/@nobody" not in out.html
    assert out.mentions == ["bob"]


def test_it_links_hashtags_in_lower_case_in_any_script():
    out = render_markdown("Launch day #Release2 #запуск #1", resolve)
    assert out.hashtags == ["release2", "запуск"]
    assert 'href="/tags/release2"' in out.html


def test_it_never_lets_script_tags_or_javascript_links_through():
    out = render_markdown('<script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror=alert(1)>')
    assert "<script" not in out.html
    assert "javascript:" not in out.html.replace("[x](javascript:alert(1))", "")
    assert 'href="javascript' not in out.html
    assert "<img" not in out.html


def test_it_autolinks_urls_without_fetching_and_ignores_emails_as_mentions():
    out = render_markdown("See https://example.com/a?b=1 or write to ana@bob.example", resolve)
    assert 'href="https://example.com/a?b=1"' in out.html
    assert out.mentions == []
    assert 'rel="nofollow noopener noreferrer"' in out.html


def test_it_renders_markdown_emphasis_lists_and_code():
    out = render_markdown("**bold** _it_\n\n- one\n- two\n\n`code`")
    assert "<strong>bold</strong>" in out.html and "<li>one</li>" in out.html and "<code>code</code>" in out.html


def test_extract_mentions_matches_rendering():
    assert extract_mentions("hi @Bob, @ana_1 and mail@bob") == ["bob", "ana_1"]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("<>\"'=/:;()[]!#@ abcjsvriptonerlhf&")), max_size=120))
def test_no_input_produces_an_executable_construct(text: str):
    html = render_markdown(text, resolve).html.lower()
    assert "<script" not in html
    assert 'href="javascript' not in html
    assert " onerror=" not in html and " onclick=" not in html
