"""Colony in a real browser: Debian's Chromium, driven by Playwright, against the live server.

Each test reads as a sentence about what a person does and sees. Two people
can be signed in at once, each in their own browser context.

Run with::

    COLONY_DATA_DIR=/tmp/browser-test-data .venv/bin/pytest -q colony/tests/test_browser.py
"""

from __future__ import annotations

import itertools
import os
import re
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
if not CHROMIUM.exists():
    pytest.skip(f"browser tests need Debian's Chromium at {CHROMIUM}", allow_module_level=True)
pytest.importorskip("playwright.sync_api", reason="browser tests need the playwright package")

# Playwright's sync API runs an event loop in this thread; Django's ORM refuses
# to run inside one unless told it is safe (it is: nothing here is async).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "1")

from django.conf import settings  # noqa: E402
from django.utils import translation  # noqa: E402
from playwright.sync_api import Browser, BrowserContext, Page, ViewportSize, expect, sync_playwright  # noqa: E402

from colony.social.models import Post  # noqa: E402
from colony.testing import PASSWORD, follow, publish  # noqa: E402

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TIMEOUT_MS = 10_000
expect.set_options(timeout=TIMEOUT_MS)

# The two screens every flow is tried on.
SIZES: dict[str, ViewportSize] = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}


def assert_accessible(page: Page) -> None:
    """axe-core finds no serious or critical accessibility violation on the page as it is now."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    serious = [v for v in results.response["violations"] if v.get("impact") in ("serious", "critical")]
    assert not serious, "\n".join(f"{v['id']}: {v['help']} ({len(v['nodes'])} nodes: "
                                  f"{[n['target'] for n in v['nodes'][:3]]})" for v in serious)

# Records which server-sent events a page has received, so a test can wait
# until the page is listening before it changes anything on the server.
# Init scripts are injected by the browser itself, so the CSP does not apply.
RECORD_EVENTS = """
(() => {
  const Native = window.EventSource;
  if (!Native) return;
  window.__colonyEvents = [];
  window.EventSource = class extends Native {
    constructor(...args) {
      super(...args);
      for (const name of ["timeline", "notifications"]) {
        this.addEventListener(name, () => window.__colonyEvents.push(name));
      }
    }
  };
})();
"""


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    playwright = sync_playwright().start()
    try:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=[
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run",
            ],
        )
        try:
            yield chromium
        finally:
            chromium.close()
    finally:
        playwright.stop()


@pytest.fixture
def event_streams(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """End the live server's event streams before the test's database goes away.

    A stream only notices that its browser left when it next writes, and it
    writes only on a change, so a closed page's stream would keep polling the
    database into the next test. At teardown every stream is made to see a
    change each few milliseconds, finds its socket closed and ends; we wait.
    """
    from colony.site import events as views

    real_stream, real_snapshot = views._sync_stream, views._snapshot
    threads: list[threading.Thread] = []
    closing = threading.Event()
    tick = itertools.count(1)

    def stream(user: Any) -> Iterator[str]:
        threads.append(threading.current_thread())
        yield from real_stream(user)

    def snapshot(user: Any) -> dict[str, int]:
        if closing.is_set():
            return {"timeline": -next(tick), "notifications": 0}
        return real_snapshot(user)

    monkeypatch.setattr(views, "_sync_stream", stream)
    monkeypatch.setattr(views, "_snapshot", snapshot)
    yield
    closing.set()
    monkeypatch.setattr(views, "POLL_SECONDS", 0.02)
    for thread in threads:
        thread.join(timeout=5)
    assert not any(t.is_alive() for t in threads), "an event stream outlived its browser"


@pytest.fixture
def new_context(
    browser: Browser, live_server: Any, event_streams: None
) -> Iterator[Callable[[], BrowserContext]]:
    """``new_context()`` opens a fresh browser context (its own cookies) on the live server."""
    opened: list[BrowserContext] = []

    def make() -> BrowserContext:
        context = browser.new_context(base_url=live_server.url, locale="en-GB")
        context.set_default_timeout(TIMEOUT_MS)
        context.set_default_navigation_timeout(TIMEOUT_MS)
        context.add_init_script(RECORD_EVENTS)
        opened.append(context)
        return context

    yield make
    for context in opened:
        context.close()


@pytest.fixture
def page(new_context: Callable[[], BrowserContext]) -> Page:
    return new_context().new_page()


def sign_in(page: Page, handle: str, password: str = PASSWORD) -> None:
    page.goto("/signin")
    page.get_by_label("Handle").fill(handle)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    if password == PASSWORD:
        expect(page.get_by_role("navigation", name="Main")).to_be_visible()
        page.wait_for_load_state()  # app.js (deferred) has run


def wait_until_live(page: Page) -> None:
    """Wait until the page's event stream has told it the current state."""
    page.wait_for_function(
        "() => (window.__colonyEvents || []).includes('timeline')", timeout=TIMEOUT_MS
    )


def timeline_post(page: Page, text: str):
    return page.locator("#timeline article.post").filter(has_text=text)


def test_a_person_signs_in_and_sees_their_home_timeline(page: Page, member: Any) -> None:
    sign_in(page, "member", "not-the-password")
    expect(page.get_by_role("alert")).to_contain_text("correct")
    expect(page).to_have_url(re.compile(r"/signin$"))
    expect(page.get_by_role("heading", name="Sign in to Colony")).to_be_visible()

    sign_in(page, "member")
    expect(page).to_have_url(re.compile(r"/$"))
    expect(page.get_by_role("heading", name="Home", level=1)).to_be_visible()
    expect(page.get_by_label("New post")).to_be_editable()
    expect(page.get_by_role("button", name="Post", exact=True)).to_be_visible()


def test_a_post_with_a_mention_reaches_the_mentioned_person_who_replies_and_the_thread_shows_both(
    new_context: Callable[[], BrowserContext], member: Any, leader: Any
) -> None:
    original = "Could you review the Q3 roadmap, @leader?"
    reply = "Reviewed it, looks good to me."

    # Max writes a post that mentions Lena; it appears without a reload.
    max_page = new_context().new_page()
    sign_in(max_page, "member")
    max_page.evaluate("window.__notReloaded = true")
    max_page.get_by_label("New post").fill(original)
    max_page.get_by_role("button", name="Post", exact=True).click()
    expect(timeline_post(max_page, original)).to_be_visible()
    expect(timeline_post(max_page, original).get_by_role("link", name="@leader")).to_be_visible()
    expect(max_page.get_by_label("New post")).to_have_value("")
    assert max_page.evaluate("window.__notReloaded") is True

    # Lena, signed in elsewhere, sees one unread notification and opens it.
    lena_page = new_context().new_page()
    sign_in(lena_page, "leader")
    expect(lena_page.locator("#unread-badge")).to_be_visible()
    expect(lena_page.locator("#unread-badge")).to_have_text("1")
    lena_page.get_by_role("navigation", name="Main").get_by_role("link", name="Notifications").click()
    lena_page.get_by_role("link", name="Max Member mentioned you").click()

    # She lands on the conversation and replies.
    expect(lena_page).to_have_url(re.compile(r"/posts/\d+$"))
    post_url = lena_page.url
    expect(lena_page.get_by_role("heading", name="Conversation")).to_be_visible()
    lena_page.get_by_label("Your reply").fill(reply)
    lena_page.get_by_role("button", name="Reply", exact=True).click()

    thread = lena_page.locator(".thread")
    expect(lena_page.get_by_role("heading", name="Conversation")).to_be_visible()
    expect(thread.locator("article.post").filter(has_text=original)).to_be_visible()
    expect(thread.locator("article.post").filter(has_text=reply)).to_be_visible()
    assert lena_page.url == post_url

    # Max opens his post's page and sees the reply under it.
    timeline_post(max_page, original).get_by_role("link", name="Reply").click()
    expect(max_page).to_have_url(re.compile(re.escape(post_url) + r"#reply$"))
    thread = max_page.locator(".thread")
    expect(thread.locator("article.post").filter(has_text=original)).to_be_visible()
    expect(thread.locator("article.post").filter(has_text=reply)).to_be_visible()


def test_new_posts_appear_on_home_without_a_reload(page: Page, member: Any, leader: Any) -> None:
    follow(member, leader)
    sign_in(page, "member")
    expect(page.get_by_role("heading", name="Your home timeline is empty")).to_be_visible()
    page.evaluate("window.__notReloaded = true")
    wait_until_live(page)

    publish(leader, "All hands moves to Thursday at 10:00.")

    expect(timeline_post(page, "All hands moves to Thursday")).to_be_visible(timeout=8_000)
    assert page.evaluate("window.__notReloaded") is True

    # And again: the live cursor moved on, so the next post also arrives, once.
    publish(leader, "Agenda for Thursday is in the wiki.")
    expect(timeline_post(page, "Agenda for Thursday")).to_be_visible(timeout=8_000)
    expect(page.locator("#timeline article.post")).to_have_count(2)
    assert page.evaluate("window.__notReloaded") is True


def test_keyboard_shortcut_n_focuses_the_composer(page: Page, member: Any) -> None:
    sign_in(page, "member")
    composer = page.get_by_label("New post")
    expect(composer).not_to_be_focused()

    page.keyboard.press("n")
    expect(composer).to_be_focused()
    expect(composer).to_have_value("")  # the "n" was not typed into it

    page.keyboard.press("Escape")
    expect(composer).not_to_be_focused()
    page.keyboard.press("g")
    page.keyboard.press("o")
    expect(page).to_have_url(re.compile(r"/organisation$"))
    expect(page.get_by_role("heading", name="Organisation", level=1)).to_be_visible()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        pytest.param("", "A post needs some text.", id="empty"),
        pytest.param("x" * (settings.COLONY_MAX_POST_LENGTH + 1), "Posts are limited to", id="oversized"),
    ],
)
def test_an_oversized_or_empty_post_shows_an_error_and_publishes_nothing(
    page: Page, member: Any, text: str, message: str
) -> None:
    sign_in(page, "member")
    # Set the value directly: typing stops at the textarea's maxlength, a crafted request does not.
    page.get_by_label("New post").evaluate("(box, text) => { box.value = text; }", text)
    with page.expect_response(lambda r: r.url.endswith("/posts/new")) as response:
        page.get_by_role("button", name="Post", exact=True).click()
    assert response.value.status == 400

    expect(page.locator("#alerts").get_by_role("alert")).to_contain_text(message)
    expect(page.locator("#timeline article.post")).to_have_count(0)
    expect(page).to_have_url(re.compile(r"/$"))
    assert not Post.objects.exists()


def test_the_interface_switches_language(page: Page, member: Any) -> None:
    sign_in(page, "member")
    expect(page.locator("html")).to_have_attribute("lang", "en")

    page.get_by_label("Language").select_option(label="Nederlands")

    expect(page.locator("html")).to_have_attribute("lang", "nl")
    expect(page).to_have_url(re.compile(r"/$"))
    with translation.override("nl"):
        language, home = translation.gettext("Language"), translation.gettext("Home")
    assert (language, home) != ("Language", "Home")
    expect(page.get_by_label(language, exact=True)).to_be_visible()
    expect(page.get_by_role("heading", name=home, level=1)).to_be_visible()
    member.refresh_from_db()
    assert member.ui_language == "nl"


def png_bytes() -> bytes:
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (120, 80), "teal").save(out, format="PNG")
    return out.getvalue()


def test_a_person_finds_a_colleague_by_skill_and_follows_them(page: Page, member: Any, leader: Any) -> None:
    from colony.graph.models import Follow
    from colony.people.actions import do_update_profile

    do_update_profile(user=leader, skills=["negotiation", "Supply Chain"], location="Milan")
    sign_in(page, "member")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="People").click()
    page.get_by_label("Skill").fill("supply chain")
    page.get_by_role("button", name="Filter").click()
    results = page.locator("#directory-results")
    expect(results.get_by_role("link", name="Lena Leader")).to_be_visible()
    expect(results.get_by_role("link", name="Max Member")).to_have_count(0)

    results.get_by_role("link", name="Lena Leader").click()
    expect(page.get_by_role("heading", name=re.compile("Lena Leader"))).to_be_visible()
    page.get_by_role("button", name="Follow", exact=True).click()
    expect(page.get_by_role("button", name="Unfollow")).to_be_visible()
    assert Follow.objects.filter(follower=member, followee=leader).exists()


def test_a_person_reacts_to_edits_and_deletes_a_post(page: Page, member: Any) -> None:
    publish(member, "First draft of the release notes")
    sign_in(page, "member")
    post = timeline_post(page, "First draft")
    like = post.get_by_role("button", name=re.compile("^Like"))
    like.click()
    expect(post.get_by_role("button", name="Like: 1")).to_have_attribute("aria-pressed", "true")

    post.get_by_role("link", name=re.compile("Edit")).click()
    page.get_by_label("Text").fill("Final release notes")
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".thread")).to_contain_text("Final release notes")
    page.get_by_role("link", name="edited").click()
    expect(page.get_by_role("heading", name="Edit history")).to_be_visible()
    expect(page.locator("main")).to_contain_text("First draft of the release notes")

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Home").click()
    page.once("dialog", lambda dialog: dialog.accept())
    timeline_post(page, "Final release notes").get_by_role("button", name=re.compile("Delete")).click()
    expect(page.locator("#alerts")).to_contain_text("deleted")
    expect(timeline_post(page, "Final release notes")).to_have_count(0)
    assert Post.objects.get().deleted_at is not None


def test_a_person_reposts_a_colleagues_post(page: Page, member: Any, leader: Any) -> None:
    original = publish(leader, "We are hiring two firmware engineers #hiring")
    sign_in(page, "member")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Organisation").click()
    timeline_post(page, "We are hiring").get_by_role("button", name=re.compile("Repost")).click()
    expect(page.locator("#alerts")).to_contain_text("Reposted")
    assert Post.objects.filter(author=member, repost_of=original).exists()


def test_a_person_updates_their_profile_and_avatar(page: Page, member: Any, tmp_path: Path) -> None:
    avatar = tmp_path / "me.png"
    avatar.write_bytes(png_bytes())
    sign_in(page, "member")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Settings").click()
    page.get_by_label("Title").fill("Principal Engineer")
    page.get_by_label("Skills").fill("Rust, data modelling")
    page.get_by_label("Avatar").set_input_files(str(avatar))
    page.get_by_role("button", name="Save profile").click()
    expect(page.locator("#alerts")).to_contain_text("saved")

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Profile").click()
    expect(page.locator(".profile")).to_contain_text("Principal Engineer")
    expect(page.locator(".profile").get_by_role("link", name="data-modelling")).to_be_visible()
    src = page.locator(".profile img.avatar").get_attribute("src") or ""
    assert src.startswith("/media/avatars/")
    assert page.request.get(src).status == 200

    # A bad value is refused with a message and nothing changes.
    page.goto("/settings")
    page.get_by_label("Languages you speak").fill("not a language")
    page.get_by_role("button", name="Save profile").click()
    expect(page.get_by_role("alert").first).to_contain_text("language code")
    member.refresh_from_db()
    assert member.title == "Principal Engineer"


def test_a_secret_community_stays_invisible_to_a_non_member(
    new_context: Callable[[], BrowserContext], leader: Any, member: Any
) -> None:
    # Lena creates a secret community on the web and posts in it.
    lena = new_context().new_page()
    sign_in(lena, "leader")
    lena.get_by_role("navigation", name="Main").get_by_role("link", name="Communities").click()
    lena.get_by_role("link", name="New community").click()
    lena.get_by_label("Name").fill("Project Falcon")
    lena.get_by_role("radio", name=re.compile("Secret")).check()
    lena.get_by_role("button", name="Create community").click()
    expect(lena.get_by_role("heading", name=re.compile("Project Falcon"))).to_be_visible()
    community_url = lena.url
    lena.get_by_label("New post").fill("Falcon kickoff: budget review on Monday")
    lena.get_by_role("button", name="Post", exact=True).click()
    expect(timeline_post(lena, "Falcon kickoff")).to_be_visible()

    # Max, not a member, cannot find it: not by search, not in the directory, not by URL or API.
    max_page = new_context().new_page()
    sign_in(max_page, "member")
    max_page.goto("/search?q=falcon+kickoff")
    expect(max_page.get_by_text("No posts match")).to_be_visible()
    max_page.goto("/communities")
    expect(max_page.get_by_text("Project Falcon")).to_have_count(0)
    direct = max_page.goto(community_url)
    assert direct is not None and direct.status == 404
    post = Post.objects.get(text__startswith="Falcon kickoff")
    by_url = max_page.goto(f"/posts/{post.pk}")
    assert by_url is not None and by_url.status == 404
    assert max_page.request.get(f"/api/v1/posts/{post.pk}").status == 404
    assert max_page.request.get(f"/api/v1/communities/{post.community_id}").status == 404


def test_acknowledging_an_announcement_updates_the_authors_tracker(
    new_context: Callable[[], BrowserContext], leader: Any, member: Any, outsider: Any
) -> None:
    from django.contrib.auth.models import Permission

    leader.user_permissions.add(Permission.objects.get(codename="publish_announcement"))

    # Lena publishes a must-read from the composer and watches her tracker.
    lena = new_context().new_page()
    sign_in(lena, "leader")
    lena.get_by_label("New post").fill("New expense policy: please read before Friday")
    lena.get_by_label("Must read: ask everyone to acknowledge").check()
    lena.get_by_role("button", name="Post", exact=True).click()
    timeline_post(lena, "New expense policy").get_by_role("link", name=re.compile("ago")).click()
    tracker = lena.locator("#tracker")
    expect(tracker.locator(".tracker-counts")).to_contain_text("0 read")
    expect(tracker.locator(".tracker-counts")).to_contain_text("2 not yet")

    # Max sees it pinned on his home page until he acknowledges it.
    max_page = new_context().new_page()
    sign_in(max_page, "member")
    card = max_page.get_by_role("region", name="Must read")
    expect(card).to_contain_text("New expense policy")
    card.get_by_role("button", name="I have read this").click()
    expect(max_page.get_by_role("region", name="Must read")).to_have_count(0)

    # Lena's open tracker changes without a reload.
    expect(tracker.locator(".tracker-counts")).to_contain_text("1 read", timeout=9_000)
    expect(tracker.locator(".tracker-counts")).to_contain_text("1 not yet")


def test_a_direct_message_arrives_live_and_gets_an_answer(
    new_context: Callable[[], BrowserContext], leader: Any, member: Any
) -> None:
    max_page = new_context().new_page()
    sign_in(max_page, "member")
    wait_until_live(max_page)
    expect(max_page.locator("#messages-badge")).to_be_hidden()

    lena = new_context().new_page()
    sign_in(lena, "leader")
    lena.get_by_role("navigation", name="Main").get_by_role("link", name="Messages").click()
    lena.get_by_role("link", name="New message").click()
    lena.get_by_label("To (handles, separated by spaces or commas)").fill("member")
    lena.get_by_label("Message").fill("Can you cover the 3 pm call?")
    lena.get_by_role("button", name="Send").click()
    expect(lena.locator("#message-list")).to_contain_text("Can you cover the 3 pm call?")

    # Max's badge lights up without a reload; he opens the conversation and answers.
    expect(max_page.locator("#messages-badge")).to_have_text("1", timeout=8_000)
    max_page.get_by_role("navigation", name="Main").get_by_role("link", name=re.compile("Messages")).click()
    max_page.get_by_role("link", name="Lena Leader").click()
    expect(max_page.locator("#message-list")).to_contain_text("Can you cover the 3 pm call?")
    max_page.get_by_label("Message").fill("Yes, I will")
    max_page.get_by_role("button", name="Send").click()
    expect(max_page.locator("#message-list")).to_contain_text("Yes, I will")
    expect(lena.locator("#message-list")).to_contain_text("Yes, I will", timeout=8_000)
