"""The demo organisation: about 300 people and 3,000 posts in five languages.

Everything comes from the hand-written corpus in ``data/`` and a fixed random
seed, so two runs produce the same people, follows and conversations (only
the timestamps move with the clock, so the newest posts are always recent).
Rows are written in bulk — seeding takes seconds, not minutes — but posts are
rendered with the same Markdown, mention and hashtag code as live posts, and
home feeds are built with the same rules as fan-out.
"""

from __future__ import annotations

import json
import random
import sys
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from colony.announcements.models import Acknowledgement, Announcement
from colony.asks.actions import do_respond, do_route
from colony.asks.models import Ask, Match
from colony.core.html import render_markdown
from colony.core.ids import id_at
from colony.core.language import detect_language
from colony.desk.actions import do_create_draft, do_submit
from colony.graph.models import Follow
from colony.notifications.models import Notification
from colony.people.models import Skill, SpokenLanguage, Team, User
from colony.social.analysis import backfill
from colony.social.models import (
    Hashtag,
    HashtagFollow,
    Mention,
    Post,
    PostHashtag,
    PostKind,
    Reaction,
    ReactionKind,
    Visibility,
)
from colony.social.search_index import post_index
from colony.social.tasks import rebuild_feed

DATA = Path(__file__).parent / "data"
SEED = 20261123
DEMO_PASSWORD = "colony-demo"
LANGUAGES = ["en", "nl", "id", "it", "ru"]
DAYS = 45
LEADER_SKILLS = ["leadership", "strategy", "public-speaking", "fundraising", "negotiation"]

# Fixed, easy logins printed by ``colony demo``: (handle, what they show).
DEMO_LOGINS = [
    ("ceo", "the CEO — a leader with many followers and the leader's desk"),
    ("admin", "an administrator (admin pages; reviews posts on the desk)"),
    ("sanne", "a platform engineer in Amsterdam (Dutch interface)"),
    ("budi", "a support lead in Jakarta (Indonesian interface)"),
    ("giulia", "a product designer in Milan (Italian interface)"),
    ("dmitri", "a firmware engineer in Yerevan (Russian interface)"),
]
_FIXED = {
    "sanne": ("nl", "platform", "Sanne", "de Vries"),
    "budi": ("id", "support", "Budi", "Santoso"),
    "giulia": ("it", "design", "Giulia", "Romano"),
    "dmitri": ("ru", "firmware", "Дмитрий", "Орлов"),
}

_CYRILLIC = dict(zip(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s", "t",
     "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"],
    strict=True,
))


def ascii_handle(first: str, last: str) -> str:
    """``Дмитрий Орлов`` → ``dmitriy_orlov``; accents dropped; at most 30 characters."""
    raw = f"{first}_{last}".lower()
    raw = "".join(_CYRILLIC.get(ch, ch) for ch in raw)
    raw = unicodedata.normalize("NFKD", raw).encode("ascii", "ignore").decode()
    cleaned = "".join(ch if ch.isalnum() else "_" for ch in raw).strip("_")
    while "__" in cleaned:
        cleaned = cleaned.replace("__", "_")
    return cleaned[:30]


@dataclass
class Person:
    user: User
    language: str
    team: str
    city: str
    speaks: list[str] = field(default_factory=list)


def _load() -> tuple[dict[str, Any], dict[str, dict[str, Any]]]:
    org = json.loads((DATA / "org.json").read_text(encoding="utf-8"))
    corpus = {lang: json.loads((DATA / f"{lang}.json").read_text(encoding="utf-8")) for lang in LANGUAGES}
    return org, corpus


class Seeder:
    def __init__(self, people: int, progress: bool) -> None:
        self.rng = random.Random(SEED)
        self.count = people
        self.progress = progress
        self.org, self.corpus = _load()
        self.now = timezone.now()
        self.people: list[Person] = []
        self.by_handle: dict[str, User] = {}
        self.teams: dict[str, Team] = {}
        self.posts: list[Post] = []
        self.post_language: dict[int, str] = {}
        self._salt = 0

    def say(self, message: str) -> None:
        if self.progress:
            print(f"  {message}", file=sys.stderr, flush=True)

    # --- people -------------------------------------------------------------

    def make_people(self) -> None:
        rng, org = self.rng, self.org
        password = make_password(DEMO_PASSWORD)
        self.teams = {t["slug"]: Team(slug=t["slug"], name=t["name"]) for t in org["teams"]}
        Team.objects.bulk_create(self.teams.values())
        offices = org["offices"]
        team_specs = {t["slug"]: t for t in org["teams"]}
        users: list[User] = []
        ceo = org["ceo"]
        london = next(o for o in offices if o["language"] == "en")
        specs: list[tuple[str, str, str, str, str, str, str]] = [
            (ceo["handle"], ceo["display_name"], ceo["title"], "", ceo["language"], london["city"], london["timezone"]),
            ("admin", "Colony Admin", "IT Administrator", "platform", "en", london["city"], london["timezone"]),
        ]
        for handle, (lang, team, first, last) in _FIXED.items():
            office = next(o for o in offices if o["language"] == lang)
            title = team_specs[team]["titles"][0]
            specs.append((handle, f"{first} {last}", title, team, lang, office["city"], office["timezone"]))
        taken = {s[0] for s in specs}
        team_slugs = list(self.teams)
        while len(specs) < self.count:
            office = rng.choice(offices)
            lang = office["language"]
            words = self.corpus[lang]
            first, last = rng.choice(words["first_names"]), rng.choice(words["last_names"])
            handle = ascii_handle(first, last)
            if not handle or handle in taken:
                continue
            taken.add(handle)
            team = team_slugs[len(specs) % len(team_slugs)]
            titles = team_specs[team]["titles"]
            title = rng.choice(titles[:-1])
            specs.append((handle, f"{first} {last}", title, team, lang, office["city"], office["timezone"]))
        # The last person placed in each team leads it.
        leads: dict[str, int] = {}
        for i, spec in enumerate(specs):
            if spec[3]:
                leads[spec[3]] = i
        for team, i in leads.items():
            handle, name, _title, _team, lang, city, tz = specs[i]
            specs[i] = (handle, name, team_specs[team]["titles"][-1], team, lang, city, tz)
        for handle, name, title, team, lang, city, tz in specs:
            bio_template = rng.choice(self.corpus[lang]["bios"])
            bio = ceo["bio"] if handle == ceo["handle"] else self._fill(bio_template, lang, team=team, city=city)
            user = User(
                username=handle, display_name=name, title=title, team=self.teams.get(team), location=city,
                time_zone=tz, bio=bio, password=password, ui_language="" if lang == "en" else lang,
                is_staff=handle == "admin", is_superuser=handle == "admin",
                date_joined=self.now - timedelta(days=DAYS + rng.randint(1, 900)),
            )
            users.append(user)
            speaks = [lang] + (["en"] if lang != "en" and rng.random() < 0.85 else [])
            if rng.random() < 0.2:
                speaks.append(rng.choice([x for x in LANGUAGES if x not in speaks] or ["de"]))
            self.people.append(Person(user=user, language=lang, team=team, city=city, speaks=speaks))
        User.objects.bulk_create(users)
        saved = {u.username: u for u in User.objects.filter(username__in=[u.username for u in users])}
        for person in self.people:
            person.user = saved[person.user.username]
        self.by_handle = saved
        ceo_user = saved[ceo["handle"]]
        lead_users = {team: saved[specs[i][0]] for team, i in leads.items()}
        for person in self.people:
            if person.user.pk == ceo_user.pk:
                continue
            lead = lead_users.get(person.team)
            person.user.manager = ceo_user if lead is None or lead.pk == person.user.pk else lead
        User.objects.bulk_update([p.user for p in self.people], ["manager"])
        self._skills_and_languages(team_specs)
        self.say(f"{len(users)} people in {len(self.teams)} teams")

    def _skills_and_languages(self, team_specs: dict[str, Any]) -> None:
        names = sorted({s for t in team_specs.values() for s in t["skills"]} | set(LEADER_SKILLS))
        Skill.objects.bulk_create([Skill(name=n) for n in names], ignore_conflicts=True)
        skills = {s.name: s for s in Skill.objects.filter(name__in=names)}
        through = User.skills.through
        rows, langs = [], []
        for person in self.people:
            pool = team_specs[person.team]["skills"] if person.team else LEADER_SKILLS
            picked = self.rng.sample(pool, k=min(len(pool), self.rng.randint(3, 6)))
            if self.rng.random() < 0.3:
                picked.append(self.rng.choice(names))
            for name in dict.fromkeys(picked):
                if name in skills:
                    rows.append(through(user_id=person.user.pk, skill_id=skills[name].pk))
            langs += [SpokenLanguage(user=person.user, code=c) for c in person.speaks]
        through.objects.bulk_create(rows, ignore_conflicts=True)
        SpokenLanguage.objects.bulk_create(langs, ignore_conflicts=True)

    def make_follows(self) -> None:
        rng = self.rng
        ceo = self.by_handle[self.org["ceo"]["handle"]]
        rows: set[tuple[int, int]] = set()
        by_team: dict[str, list[Person]] = defaultdict(list)
        by_city: dict[str, list[Person]] = defaultdict(list)
        for p in self.people:
            by_team[p.team].append(p)
            by_city[p.city].append(p)
        for p in self.people:
            me = p.user.pk
            if me != ceo.pk:
                rows.add((me, ceo.pk))
            if p.user.manager_id:
                rows.add((me, p.user.manager_id))
            pool = by_team[p.team] + by_city[p.city]
            for other in rng.sample(pool, k=min(len(pool), rng.randint(8, 20))):
                rows.add((me, other.user.pk))
            for other in rng.sample(self.people, k=rng.randint(2, 10)):
                rows.add((me, other.user.pk))
        Follow.objects.bulk_create([Follow(follower_id=a, followee_id=b) for a, b in sorted(rows) if a != b])
        # A few hashtag follows so hashtag routing shows in home timelines.
        tags = ["release", "kudos", "incident", "customer", "hiring", "learning", "security"]
        Hashtag.objects.bulk_create([Hashtag(name=t) for t in tags], ignore_conflicts=True)
        by_name = {h.name: h for h in Hashtag.objects.filter(name__in=tags)}
        follows = {(p.user.pk, by_name[rng.choice(tags)].pk) for p in self.people if rng.random() < 0.4}
        HashtagFollow.objects.bulk_create([HashtagFollow(user_id=u, hashtag_id=h) for u, h in sorted(follows)])
        self.say(f"{len(rows)} follows")

    # --- posts --------------------------------------------------------------

    def _fill(self, template: str, lang: str, **given: str) -> str:
        words = self.corpus[lang]
        team_names = [t["name"] for t in self.org["teams"]]
        skills = [s for t in self.org["teams"] for s in t["skills"]]
        values = {
            "project": self.rng.choice(words["projects"]),
            "customer": self.rng.choice(words["customers"]),
            "weekday": self.rng.choice(words["weekdays"]),
            "skill": self.rng.choice(skills),
            "team": self.teams[given["team"]].name if given.get("team") in self.teams else self.rng.choice(team_names),
            "city": given.get("city", ""),
            "mention": given.get("mention", ""),
        }
        out = template
        for key, value in values.items():
            out = out.replace("{" + key + "}", value)
        return out

    def _colleague(self, author: Person, language: str) -> Person:
        pool = [p for p in self.people if language in p.speaks and p.user.pk != author.user.pk]
        return self.rng.choice(pool or self.people)

    def _moment(self, index: int, total: int) -> datetime:
        # Posts spread over DAYS, a little denser towards now, in working hours.
        frac = (index + self.rng.random()) / total
        frac = frac**0.8
        moment = self.now - timedelta(days=DAYS) + timedelta(days=DAYS) * frac
        return min(moment, self.now - timedelta(minutes=2))

    def _new_post(self, author: User, text: str, moment: datetime, *, lang: str, reply_to: Post | None = None,
                  visibility: str = Visibility.ORGANISATION, repost_of: Post | None = None) -> Post:
        self._salt += 1
        resolve = lambda h: f"/@{h}" if h in self.by_handle else None  # noqa: E731
        rendered = render_markdown(text, resolve)
        post = Post(
            id=id_at(moment, self._salt), author=author, text=text, html=rendered.html, visibility=visibility,
            language=detect_language(text),
            reply_to=reply_to, thread_root=(reply_to.thread_root or reply_to) if reply_to else None,
            repost_of=repost_of, created_at=moment,
        )
        post._mentions = rendered.mentions  # type: ignore[attr-defined]
        post._hashtags = rendered.hashtags  # type: ignore[attr-defined]
        self.posts.append(post)
        self.post_language[post.id] = lang
        return post

    def make_posts(self, total: int) -> None:
        rng = self.rng
        ceo = self.by_handle[self.org["ceo"]["handle"]]
        ceo_person = next(p for p in self.people if p.user.pk == ceo.pk)
        top_level = int(total * 0.6)
        replies = total - top_level
        ceo_posts = list(self.org["ceo_posts"])
        ceo_slots = {int(top_level * (i + 1) / (len(ceo_posts) + 1)) for i in range(len(ceo_posts))}
        cursors = {lang: 0 for lang in LANGUAGES}
        order = {lang: rng.sample(range(len(self.corpus[lang]["posts"])), len(self.corpus[lang]["posts"]))
                 for lang in LANGUAGES}
        roots: list[Post] = []
        for i in range(top_level):
            moment = self._moment(i, top_level)
            if i in ceo_slots and ceo_posts:
                roots.append(self._new_post(ceo, ceo_posts.pop(0), moment, lang="en"))
                continue
            author = rng.choice(self.people)
            lang = author.language if rng.random() < 0.8 else "en"
            pool = self.corpus[lang]["posts"]
            template = pool[order[lang][cursors[lang] % len(pool)]]
            cursors[lang] += 1
            mention = "@" + self._colleague(author, lang).user.username
            text = self._fill(template, lang, team=author.team, city=author.city, mention=mention)
            visibility: str = Visibility.FOLLOWERS if rng.random() < 0.06 else Visibility.ORGANISATION
            roots.append(self._new_post(author.user, text, moment, lang=lang, visibility=visibility))
        self.say(f"{len(roots)} posts")
        made = 0
        while made < replies:
            # Recent posts and the CEO's posts draw more replies.
            parent = rng.choice(roots[-len(roots) // 2:]) if rng.random() < 0.7 else rng.choice(roots)
            if parent.author_id == ceo.pk:
                parent = rng.choice([r for r in roots if r.author_id == ceo.pk])
            lang = self.post_language[parent.id]
            replier = self._colleague(next(p for p in self.people if p.user.pk == parent.author_id) if parent.author_id != ceo.pk else ceo_person, lang)
            target = parent
            thread = [p for p in self.posts if p.thread_root_id == parent.id or p is parent]
            if len(thread) > 1 and rng.random() < 0.35:
                target = rng.choice(thread)
            mention = "@" + self._colleague(replier, lang).user.username
            text = self._fill(rng.choice(self.corpus[lang]["replies"]), lang, team=replier.team, mention=mention)
            moment = min(target.created_at + timedelta(minutes=rng.randint(3, 600)), self.now - timedelta(minutes=1))
            visibility = target.visibility
            self._new_post(replier.user, text, moment, lang=lang, reply_to=target, visibility=visibility)
            made += 1
        for _ in range(total // 30):
            original = rng.choice([r for r in roots if r.visibility == Visibility.ORGANISATION])
            person = rng.choice(self.people)
            if person.user.pk == original.author_id:
                continue
            lang = person.language
            comment = rng.choice(self.corpus[lang]["repost_comments"]) if rng.random() < 0.6 else ""
            moment = min(original.created_at + timedelta(hours=rng.randint(1, 48)), self.now - timedelta(minutes=1))
            self._new_post(person.user, self._fill(comment, lang), moment, lang=lang, repost_of=original)
        self.say(f"{made} replies and some reposts")

    def save_posts(self) -> None:
        self.posts.sort(key=lambda p: p.id)
        # Parents first: replies and reposts point at rows that must exist.
        Post.objects.bulk_create(self.posts, batch_size=500)
        replies: dict[int, int] = defaultdict(int)
        reposts: dict[int, int] = defaultdict(int)
        for p in self.posts:
            if p.reply_to_id:
                replies[p.reply_to_id] += 1
            if p.repost_of_id:
                reposts[p.repost_of_id] += 1
        changed = []
        for p in self.posts:
            if p.id in replies or p.id in reposts:
                p.replies_count, p.reposts_count = replies[p.id], reposts[p.id]
                changed.append(p)
        Post.objects.bulk_update(changed, ["replies_count", "reposts_count"], batch_size=500)
        names = sorted({t for p in self.posts for t in p._hashtags})  # type: ignore[attr-defined]
        Hashtag.objects.bulk_create([Hashtag(name=n) for n in names], ignore_conflicts=True)
        tags = {h.name: h.pk for h in Hashtag.objects.filter(name__in=names)}
        PostHashtag.objects.bulk_create(
            [PostHashtag(post_id=p.id, hashtag_id=tags[t]) for p in self.posts for t in p._hashtags],  # type: ignore[attr-defined]
            batch_size=1000, ignore_conflicts=True,
        )
        Mention.objects.bulk_create(
            [Mention(post_id=p.id, user_id=self.by_handle[h].pk) for p in self.posts for h in p._mentions  # type: ignore[attr-defined]
             if h in self.by_handle],
            batch_size=1000, ignore_conflicts=True,
        )
        index = post_index()
        for p in self.posts:
            index.index(p.id, p.text, p.language)
        self.say(f"{len(self.posts)} posts saved with {len(names)} hashtags")

    def make_reactions_and_notifications(self) -> None:
        rng = self.rng
        kinds = ReactionKind.values
        reactions: dict[tuple[int, int, str], Reaction] = {}
        for post in self.posts:
            if post.visibility != Visibility.ORGANISATION:
                continue
            for _ in range(rng.choice([0, 0, 1, 1, 2, 3, 5, 8])):
                who = rng.choice(self.people).user
                kind = rng.choice(kinds[:3]) if rng.random() < 0.7 else rng.choice(kinds)
                if who.pk != post.author_id:
                    reactions[(post.id, who.pk, kind)] = Reaction(post_id=post.id, user=who, kind=kind)
        Reaction.objects.bulk_create(reactions.values(), batch_size=1000)
        notes: list[Notification] = []
        read_before = self.now - timedelta(days=2)
        by_id = {p.id: p for p in self.posts}

        def note(recipient: int, actor: User, kind: str, post: Post | None, when: datetime, detail: str = "") -> None:
            if recipient == actor.pk:
                return
            self._salt += 1
            when = min(when, self.now)
            notes.append(Notification(
                id=id_at(when, self._salt), recipient_id=recipient, actor=actor, kind=kind, post=post,
                detail=detail, created_at=when, read_at=when if when < read_before else None,
            ))

        for p in self.posts:
            if p.reply_to_id:
                note(by_id[p.reply_to_id].author_id, p.author, Notification.Kind.REPLY, p, p.created_at)
            if p.repost_of_id:
                note(by_id[p.repost_of_id].author_id, p.author, Notification.Kind.REPOST, p, p.created_at)
            for h in p._mentions:  # type: ignore[attr-defined]
                if h in self.by_handle and (not p.reply_to_id or by_id[p.reply_to_id].author.username != h):
                    note(self.by_handle[h].pk, p.author, Notification.Kind.MENTION, p, p.created_at)
        for r in list(reactions.values())[-400:]:
            post = by_id[r.post_id]
            note(post.author_id, r.user, Notification.Kind.REACTION, post, post.created_at + timedelta(hours=1),
                 r.kind)
        Notification.objects.bulk_create(notes, batch_size=1000)
        self.say(f"{len(reactions)} reactions, {len(notes)} notifications")

    def make_announcement(self) -> None:
        """The CEO may publish must-reads; her latest post is one, half read already."""
        from django.contrib.auth.models import Permission

        ceo = self.by_handle[self.org["ceo"]["handle"]]
        ceo.user_permissions.add(Permission.objects.get(codename="publish_announcement"))
        # She also has the leader's desk; the administrator (a superuser) reviews.
        ceo.user_permissions.add(Permission.objects.get(content_type__app_label="desk", codename="use_desk"))
        latest = max((p for p in self.posts if p.author_id == ceo.pk and not p.reply_to_id), key=lambda p: p.id)
        announcement = Announcement.objects.create(post=latest)
        readers = [p.user for p in self.people if p.user.pk != ceo.pk and self.rng.random() < 0.5]
        Acknowledgement.objects.bulk_create([Acknowledgement(announcement=announcement, user=u) for u in readers])
        self.say(f"an announcement, read by {len(readers)} people so far")

    def make_asks(self) -> None:
        """A few asks routed the way live ones are, so the Asks place has a story to tell."""
        backfill(progress=False)  # routing needs every profile and post analysed
        ceo = self.by_handle[self.org["ceo"]["handle"]]
        for index, spec in enumerate(self.org.get("asks", [])):
            if spec["author"] == "ceo":
                author = ceo
            else:
                speakers = [p.user for p in self.people if p.user.pk != ceo.pk and spec["author"] in p.speaks]
                author = speakers[index % len(speakers)] if speakers else ceo
            moment = self.now - timedelta(hours=3 * (index + 1))
            self._salt += 1
            post = Post.objects.create(
                id=id_at(moment, self._salt), author=author, text=spec["need"], kind=PostKind.ASK,
                html=render_markdown(spec["need"], lambda h: None).html, language=detect_language(spec["need"]),
                created_at=moment,
            )
            post_index().index(post.pk, post.text, post.language)
            ask = Ask.objects.create(post=post, brief=spec["brief"], urgency=spec["urgency"],
                                     deadline=(self.now + timedelta(days=spec["deadline_days"])).date())
            Skill.objects.bulk_create([Skill(name=n) for n in spec["skills"]], ignore_conflicts=True)
            ask.skills.set(Skill.objects.filter(name__in=spec["skills"]))
            do_route(ask=ask)
            for match in Match.objects.filter(ask=ask).select_related("user")[: spec["responders"]]:
                speaks = next((p.speaks for p in self.people if p.user.pk == match.user_id), ["en"])
                pitch = self.org["ask_pitches"].get(speaks[0], self.org["ask_pitches"]["en"])
                do_respond(ask=ask, author=match.user, pitch=pitch)
        self.say(f"{len(self.org.get('asks', []))} asks, routed to the people who can help")

    def make_desk(self) -> None:
        """The CEO's desk: one post waiting for review, one scheduled for tomorrow morning, one draft."""
        ceo = User.objects.get(username=self.org["ceo"]["handle"])  # fresh: permissions were just granted
        texts = self.org.get("desk", {})
        review = do_create_draft(writer=ceo, text=texts.get("review", ""))
        do_submit(draft=review, actor=ceo)
        scheduled = do_create_draft(writer=ceo, text=texts.get("scheduled", ""))
        tomorrow = (self.now + timedelta(days=1)).replace(hour=8, minute=30, second=0, microsecond=0)
        do_submit(draft=scheduled, actor=ceo, scheduled_at=tomorrow)
        do_create_draft(writer=ceo, text=texts.get("draft", ""))
        self.say("the CEO's desk: a post in review, one scheduled, one draft")

    def build_feeds(self) -> None:
        for person in self.people:
            rebuild_feed(person.user.pk)
        self.say("home feeds built")


def seed(*, people: int = 300, posts: int = 3000, progress: bool = False) -> dict[str, int]:
    seeder = Seeder(people, progress)
    with transaction.atomic():
        seeder.make_people()
        seeder.make_follows()
        seeder.make_posts(posts)
        seeder.save_posts()
        seeder.make_reactions_and_notifications()
        seeder.make_announcement()
    seeder.build_feeds()
    seeder.make_asks()
    seeder.make_desk()
    seeder.build_feeds()
    return {"people": len(seeder.people), "posts": len(seeder.posts)}


def seed_if_empty(*, people: int = 300, posts: int | None = None, progress: bool = False) -> bool:
    """Seed only into an empty database; never touch a real organisation's data."""
    if User.objects.exists():
        return False
    if progress:
        print("Seeding the demo organisation…", file=sys.stderr, flush=True)
    seed(people=people, posts=posts if posts is not None else people * 10, progress=progress)
    return True
