"""Specificity: does the post say something concrete (a number, a name, a date, an example)?

Readers trust and remember specifics; "we are passionate about excellence"
is forgotten before it is finished. The lexicons find platitudes, buzzwords
and sweeping words, and the signs of concrete facts; the trained classifier
weighs them with the sentence's meaning. The text's score is the mean of its
sentences' scores, weighted by their length.
"""

from __future__ import annotations

import math
import re

from django.utils.translation import gettext

from .base import Finding
from .text import lexicon, words

PLATITUDES = lexicon(
    r"in today's (?:fast-paced|fast paced|ever-changing|rapidly changing|digital) (?:world|landscape|environment|economy)",
    r"passionate about \w+", r"committed to (?:excellence|quality|success|innovation|our customers)",
    r"at the end of the day", r"the sky is the limit", r"think(?:ing)? outside the box", r"greatest asset",
    r"customers? (?:is|are) at the heart", r"put(?:ting)? (?:our )?customers first", r"together we (?:can|are|will)",
    r"the future is bright", r"exciting times ahead", r"proud to be (?:part of|a part of)", r"making a difference",
    r"rais(?:e|ing) the bar", r"never been more important", r"(?:on|continue) (?:a|our|this) journey",
    r"stronger together", r"dream big", r"embrace change", r"above and beyond", r"best version of",
    r"in deze snel veranderende wereld", r"in de huidige (?:snelle )?wereld", r"gepassioneerd", r"samen staan we sterk",
    r"de klant staat centraal", r"mensen maken het verschil", r"met (?:veel )?passie", r"de lat hoog",
    r"trots om deel uit te maken", r"de toekomst is (?:mooi|rooskleurig|helder)", r"het beste uit (?:jezelf|onszelf)",
    r"buiten de kaders", r"samen sterker", r"elke dag (?:een beetje )?beter",
    r"di era (?:yang )?(?:serba cepat|digital ini|modern ini)", r"di dunia yang (?:terus|selalu) berubah",
    r"bersama kita bisa", r"pelanggan adalah prioritas", r"memberikan yang terbaik", r"menjadi yang terbaik",
    r"aset (?:terbesar|terpenting)", r"terus berinovasi", r"masa depan yang cerah", r"pantang menyerah",
    r"nel mondo (?:frenetico |veloce )?di oggi", r"in un mondo in continua evoluzione", r"il cliente al centro",
    r"insieme si vince", r"fare la differenza", r"siamo appassionati", r"con passione", r"il futuro è luminoso",
    r"alzare l'asticella", r"fuori dagli schemi", r"orgogliosi di far parte", r"le persone sono il nostro",
    r"в (?:современном|нашем) (?:быстро меняющемся )?мире", r"в наше время", r"клиент(?:ы)? в центре",
    r"наш главный актив", r"горим своим делом", r"вместе мы (?:сильнее|сможем|можем)", r"лучшие из лучших",
    r"за рамки", r"будущее за нами", r"делаем мир лучше", r"на новый уровень",
)
BUZZWORDS = lexicon(
    r"synerg(?:y|ies|istic)", r"game[- ]?chang(?:er|ers|ing)", r"disrupt(?:ive|ion)?", r"paradigm shift",
    r"best[- ]in[- ]class", r"world[- ]class", r"cutting[- ]edge", r"leverag(?:e|ing)", r"holistic",
    r"innovat(?:ive|ion|ions)", r"excellence", r"passion(?:ate)?", r"seamless(?:ly)?", r"next[- ]level",
    r"next[- ]gen(?:eration)?", r"thought leader(?:ship)?", r"value[- ]add(?:ed)?", r"move the needle",
    r"low[- ]hanging fruit", r"deep dive", r"circle back", r"empower(?:ing|ment)?", r"transformati(?:ve|on)",
    r"journey", r"ecosystem", r"scalable", r"agile", r"mission[- ]critical", r"impactful", r"unlock(?:ing)?",
    r"unleash(?:ing)?", r"revolutioni[sz](?:e|ing)", r"future[- ]proof", r"customer[- ]centric",
    r"purpose[- ]driven", r"state[- ]of[- ]the[- ]art", r"best practices?", r"win[- ]win", r"north star",
    r"actionable insights?", r"value creation", r"amazing", r"incredible", r"awesome",
    r"synergie\w*", r"baanbrekend\w*", r"innovatie\w*", r"excellentie", r"passie", r"toekomstbestendig\w*",
    r"klantgericht\w*", r"naadloos", r"wendbaar\w*", r"disruptie\w*", r"meerwaarde", r"ontzorg\w*",
    r"transformatie", r"ecosysteem", r"topkwaliteit", r"geweldig\w*", r"fantastisch\w*", r"impact maken",
    r"sinergi", r"inovatif", r"inovasi", r"luar biasa", r"kelas dunia", r"transformasi", r"nilai tambah",
    r"memberdayakan", r"pemberdayaan", r"ekosistem", r"terdepan", r"keunggulan", r"berdaya saing", r"holistik",
    r"hebat", r"terbaik",
    r"sinergi[ae]", r"innovativ[oaie]", r"innovazione", r"eccellenza", r"passione", r"all'avanguardia",
    r"rivoluzionari[oa]", r"trasformazione", r"ecosistema", r"valore aggiunto", r"a 360 gradi", r"olistic[oa]",
    r"resilienza", r"straordinari[oaie]", r"fantastic[oaieh]+", r"incredibil[ei]",
    r"синерги\w*", r"инновац\w*", r"инновационн\w*", r"превосходств\w*", r"страст\w*", r"прорывн\w*",
    r"трансформаци\w*", r"экосистем\w*", r"мирового уровня", r"лучшие практики", r"добавленн\w+ стоимост\w+",
    r"клиентоориентированн\w*", r"уникальн\w*", r"потрясающ\w*", r"невероятн\w*",
)
SWEEPING = lexicon(
    r"always", r"never", r"everyone", r"everybody", r"everything", r"all of us", r"best", r"greatest", r"truly",
    r"altijd", r"nooit", r"iedereen", r"alles", r"beste", r"echt",
    r"selalu", r"semua", r"setiap", r"benar-benar", r"sangat",
    r"sempre", r"mai", r"tutti", r"tutto", r"migliore", r"davvero",
    r"всегда", r"никогда", r"все", r"всё", r"каждый", r"лучш\w+", r"действительно",
)
EXAMPLE = lexicon(
    r"for example", r"for instance", r"such as", r"e\.g\.", r"bijvoorbeeld", r"zoals", r"bijv\.", r"misalnya",
    r"contohnya", r"seperti", r"ad esempio", r"per esempio", r"come ad esempio", r"например", r"к примеру", r"в том числе",
)
DATES = lexicon(
    r"(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?", r"january|february|march|april|june|july|august", r"(?:in|on|since|until|by|early|late|mid-?) may",
    r"september|october|november|december", r"monday|tuesday|wednesday|thursday|friday|saturday|sunday",
    r"yesterday|tonight|this morning|last night",
    r"januari|februari|maart|mei|juni|juli|augustus|oktober", r"maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag",
    r"gisteren|vanochtend|vanmorgen",
    r"maret|agustus|desember|senin|selasa|rabu|kamis|jumat|sabtu|minggu lalu|kemarin|tadi pagi",
    r"gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|dicembre",
    r"lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica|ieri|stamattina",
    r"январ\w+|феврал\w+|март\w*|апрел\w+|ма[йя]|июн\w+|июл\w+|август\w*|сентябр\w+|октябр\w+|ноябр\w+|декабр\w+",
    r"понедельник\w*|вторник\w*|сред[ау]|четверг\w*|пятниц\w+|суббот\w+|воскресень\w+|вчера|сегодня утром",
)
# Numbers that add no fact: "100% committed", "24/7", "number one", "10x".
INTENSIFIER_NUMBERS = lexicon(
    r"1[01]0 ?%", r"1000 ?%", r"24/7", r"#1", r"no\. ?1", r"number one", r"nummer (?:1|één)", r"nomor (?:1|satu)",
    r"numero uno", r"номер один", r"360 ?°", r"360 gradi", r"10x", r"100 ?процентов", r"100 persen", r"100 per cento",
)
_DIGIT = re.compile(r"\d")
# Capitalised words inside a sentence are usually names: people, places, customers, products.
_CAPITALISED = re.compile(r"(?<=[\s(\"“'‘«])(?:[A-Z][a-z]+|[A-Z]{2,}\w*|[А-ЯЁ][а-яё]+|[А-ЯЁ]{2,})")
_MENTION = re.compile(r"(?<!\w)[@#]\w+|https?://\S+")
_NOT_NAMES = frozenset((
    "I", "We", "Our", "The", "This", "That", "It", "You", "He", "She", "They", "A", "An", "And", "But", "Ik",
    "Wij", "Ons", "Onze", "De", "Het", "Een", "Dit", "Dat", "Kami", "Kita", "Saya", "Ini", "Itu", "Dan", "Noi",
    "Il", "La", "Lo", "Le", "Gli", "Un", "Una", "Questo", "Questa", "Мы", "Я", "Наш", "Наша", "Наши", "Это",
    "Этот", "Эта", "И", "Но",
))

FEATURE_NAMES = ("number", "date", "names", "example", "platitude", "buzz", "buzz_density", "sweeping", "log_words",
                 "link")


def features(sentence: str) -> list[float]:
    """Lexicon features of one sentence (the classifier sees these beside the embedding)."""
    plain = INTENSIFIER_NUMBERS.sub(" ", sentence)
    n_words = max(1, len(words(sentence)))
    names = [m.group(0) for m in _CAPITALISED.finditer(plain) if m.group(0) not in _NOT_NAMES]
    buzz = len(BUZZWORDS.findall(sentence))
    return [
        float(min(3, len(_DIGIT.findall(plain)))) / 3, float(bool(DATES.search(plain))), float(min(3, len(names))) / 3,
        float(bool(EXAMPLE.search(sentence))), float(bool(PLATITUDES.search(sentence))), float(min(3, buzz)) / 3,
        min(1.0, buzz / n_words * 5), float(min(3, len(SWEEPING.findall(sentence)))) / 3,
        math.log1p(n_words) / 4, float(bool(_MENTION.search(sentence))),
    ]


def keyword_score(sentence: str) -> float:
    """A word-list-only score for when the classifier cannot run: facts up, platitudes down."""
    f = features(sentence)
    concrete = f[0] + f[1] + f[2] + f[3] + f[9]
    vague = f[4] * 1.5 + f[5] + f[7] * 0.5
    return max(0.0, min(1.0, 0.35 + 0.4 * concrete - 0.3 * vague))


def text_score(spans: list[tuple[int, int]], scores: list[float], text: str) -> float:
    """Length-weighted mean of the sentence scores; 1.0 when there is no sentence to judge."""
    if not spans:
        return 1.0
    weights = [min(30, len(words(text[s:e]))) for s, e in spans]
    total = sum(weights)
    if total == 0:
        return 1.0
    return sum(w * p for w, p in zip(weights, scores, strict=True)) / total


def finding(text: str, spans: list[tuple[int, int]], scores: list[float], overall: float) -> list[Finding]:
    """At most one finding: on the sentence that drags the score down most, if it is generic."""
    if not spans:
        return []
    worst = min(range(len(spans)), key=lambda i: scores[i])
    if scores[worst] >= 0.5:
        return []
    start, end = spans[worst]
    sentence = text[start:end]
    terms = _vague_terms(sentence)
    if terms:
        shown = ", ".join(f"“{t}”" for t in terms[:3])
        message = gettext("Words like %(terms)s say little on their own; readers remember specifics.") % {
            "terms": shown}
    else:
        message = gettext("This sentence is general; readers remember specifics.")
    severity = "warn" if overall < 0.4 else "info"
    return [Finding("specificity", severity, start, end, message,
                    gettext("Add a number, a name, a date or an example."))]


def _vague_terms(sentence: str) -> list[str]:
    """Platitudes, then buzzwords that are not part of one, each once."""
    spans = [m.span() for m in PLATITUDES.finditer(sentence)]
    spans += [m.span() for m in BUZZWORDS.finditer(sentence) if not any(s <= m.start() < e for s, e in spans)]
    return list(dict.fromkeys(" ".join(sentence[s:e].split()) for s, e in sorted(spans)))
