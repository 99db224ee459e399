"""The guardrail checks of the leader's composer, called directly (no database, no HTTP)."""

from __future__ import annotations

import time

import pytest

from colony.desk.checks import (
    CHANNELS,
    KINDS,
    BrandRules,
    CheckResult,
    Finding,
    check,
    measure_length,
    shorten,
)
from colony.desk.checks.personal import bsn_valid, iban_valid, luhn_valid, snils_valid


def kinds(result: CheckResult, kind: str) -> list[Finding]:
    return [f for f in result.findings if f.kind == kind]


def spans(text: str, result: CheckResult, kind: str) -> list[str]:
    return [text[f.start:f.end] for f in kinds(result, kind)]


# --- the contract ---------------------------------------------------------------------


def test_every_finding_has_a_known_kind_a_severity_a_span_and_a_message():
    text = ("We expect revenue to grow 20% next quarter. Confidential: the Rotterdam deal is close. "
            "Mail jan@example.com. You idiots!!! " + "The team in Rotterdam did well. " * 6)
    result = check(text, channel="x", brand=BrandRules(banned=[("deal", "agreement")]))
    assert {f.kind for f in result.findings} >= {"length", "forward_looking", "disclosure", "personal_data", "tone",
                                                  "brand"}
    for f in result.findings:
        assert f.kind in KINDS and f.severity in ("info", "warn", "block")
        assert 0 <= f.start <= f.end <= len(text) and f.message
    assert 0 <= result.specificity <= 1 and result.length_limit == 280 and result.language == "en"


@pytest.mark.parametrize("call", [
    lambda: check("hello", channel="myspace"),
    lambda: measure_length("hello", "myspace"),
    lambda: shorten("hello", "myspace"),
])
def test_an_unknown_channel_is_a_value_error_that_names_the_channels(call):
    with pytest.raises(ValueError, match="mastodon"):
        call()


@pytest.mark.parametrize("text", [
    "", "   ", "🎉🎉🎉", "👨‍👩‍👧‍👦🇳🇱👍🏽", "\u200b\u200b\u200b", "x" * 100_000,
    "Мы ожидаем рост; we expect growth; kami memperkirakan 成長 します", "a\u0301" * 50, "\n\n\n!!!???",
    "مرحبا بكم في الاجتماع", "https://example.com/" + "a" * 6000,
])
@pytest.mark.parametrize("channel", CHANNELS)
def test_odd_text_never_crashes_any_channel(text, channel):
    result = check(text, channel=channel)
    assert result.length_used == measure_length(text, channel)[0]
    assert measure_length(shorten(text, channel), channel)[0] <= result.length_limit


def test_empty_text_has_nothing_to_report_but_a_missing_required_phrase():
    result = check("", brand=BrandRules(required=["#ad"]))
    assert result.specificity == 1.0 and result.length_used == 0
    assert [(f.kind, f.severity, f.start, f.end) for f in result.findings] == [("brand", "warn", 0, 0)]


def test_a_100000_character_paste_is_checked_in_well_under_a_few_seconds():
    text = ("Our team in Rotterdam expects revenue to grow next year. Call +31 20 123 4567. " * 1300)[:100_000]
    started = time.perf_counter()
    result = check(text, channel="x")
    assert time.perf_counter() - started < 5
    assert kinds(result, "length")[0].severity == "block"
    assert len(kinds(result, "forward_looking")) > 40  # the word list covers what the classifier does not see
    assert kinds(result, "personal_data")


def test_zero_width_characters_neither_hide_a_word_nor_shift_the_spans():
    text = "Strictly conf\u200bidential: call +31\u200b 6 1234 5678 today."
    result = check(text)
    assert spans(text, result, "disclosure")[0] == "Strictly conf\u200bidential"
    assert spans(text, result, "personal_data") == ["+31\u200b 6 1234 5678"]


# --- length ---------------------------------------------------------------------------


def test_colony_and_linkedin_count_characters():
    assert measure_length("ab🎉", "colony") == (3, 5000)
    assert measure_length("x" * 3001, "linkedin") == (3001, 3000)


def test_mastodon_counts_every_link_as_23_and_remote_mentions_by_their_name():
    link = "https://example.com/" + "a" * 200
    assert measure_length(f"See {link}", "mastodon") == (4 + 23, 500)
    assert measure_length("Hi @lena@social.example.org", "mastodon")[0] == len("Hi @lena")
    assert measure_length("👨‍👩‍👧", "mastodon")[0] == 1  # graphemes


@pytest.mark.parametrize("text, weight", [
    ("hello", 5),
    ("日本語", 6),  # CJK weighs 2
    ("한국어", 6),
    ("café", 4), ("cafe\u0301", 4),  # NFC first: é is one light character either way
    ("“quotes” – dash", 15),  # U+201C/D, U+2013 are in the light ranges
    ("…", 2),  # U+2026 is outside them
    ("🎉", 2), ("👍🏽", 2), ("👨‍👩‍👧‍👦", 2), ("🇳🇱", 2), ("1️⃣", 2), ("❤️", 2),  # an emoji sequence weighs 2
    ("©", 1), ("©️", 2),  # text presentation is not an emoji
    ("https://example.com/a/very/long/path/that/goes/on/and/on", 23),
    ("Read colony.org now", 5 + 23 + 4),  # bare domains are links on X
    ("Мы растём", 9),  # Cyrillic is light
])
def test_x_weighs_characters_like_twitter_text(text, weight):
    assert measure_length(text, "x") == (weight, 280)


def test_x_over_the_limit_blocks_with_the_span_beyond_the_limit():
    text = "a" * 270 + "日本語日本語"  # 270 + 12 = 282
    result = check(text, channel="x", language="en")
    finding = kinds(result, "length")[0]
    assert (finding.severity, result.length_used) == ("block", 282)
    assert text[finding.start:finding.end] == "語"  # 270 + 5 CJK characters make 280; the sixth is over
    assert finding.suggestion is not None and measure_length(finding.suggestion, "x")[0] <= 280


def test_within_ten_percent_of_the_limit_is_a_warning():
    assert kinds(check("word " * 91, channel="bluesky"), "length")[0].severity == "block"  # 455 of 300
    near = check("a" * 275, channel="bluesky")
    assert [(f.severity, f.start, f.end) for f in kinds(near, "length")] == [("warn", 275, 275)]
    assert not kinds(check("a" * 269, channel="bluesky"), "length")


def test_bluesky_counts_graphemes():
    assert measure_length("e\u0301", "bluesky")[0] == 1  # e + combining acute
    assert measure_length("👨‍👩‍👧‍👦", "bluesky")[0] == 1  # ZWJ family
    assert measure_length("🇳🇱🇮🇩", "bluesky")[0] == 2  # two flags
    assert measure_length("👍🏽", "bluesky")[0] == 1  # skin tone
    assert measure_length("\u1100\u1161\u11a8", "bluesky")[0] == 1  # Hangul jamo make one syllable
    assert measure_length("a\r\nb", "bluesky")[0] == 3
    assert measure_length("हिन्दी", "bluesky")[0] <= 4


LONG_POST = (
    "This week our team in Rotterdam moved the whole cold store to the new building. "
    "Forty people worked through Saturday night, and the first trucks left on time on Sunday. "
    "I want to thank Anna, Kemal and Sofia for planning every pallet. "
    "We learned a lot about moving frozen goods without breaking the chain. "
) * 40 + "Read more: https://colony.example.org/posts/2026/cold-store-move"


@pytest.mark.parametrize("channel", CHANNELS)
@pytest.mark.parametrize("text", [
    LONG_POST,
    "word " * 3000,
    "x" * 20_000,
    "日本語のテキスト" * 1000,
    "🎉" * 6000,
    "Intro. " + "https://example.com/" + "a" * 9000,
])
def test_shorten_always_fits_the_channel(channel, text):
    short = shorten(text, channel)
    used, limit = measure_length(short, channel)
    assert used <= limit
    assert short.strip()


def test_shorten_drops_whole_sentences_and_keeps_the_closing_link():
    short = shorten(LONG_POST, "x")
    assert short.endswith(" Read more: https://colony.example.org/posts/2026/cold-store-move")
    body = short.removesuffix(" Read more: https://colony.example.org/posts/2026/cold-store-move")
    assert body.endswith("pallet.") and LONG_POST.startswith(body)


def test_shorten_trims_one_long_sentence_at_a_word_with_an_ellipsis():
    text = "We " + "really " * 80 + "moved the warehouse."
    short = shorten(text, "x")
    assert short.endswith("…") and text.startswith(short[:-1]) and not short[:-1].endswith(" ")
    assert shorten("Short enough.", "x") == "Short enough."


def test_shorten_never_cuts_a_link_in_half():
    link = "https://example.com/" + "p" * 60
    text = "Look " + " ".join([link] * 20)
    for channel in ("bluesky", "x", "mastodon"):
        short = shorten(text, channel)
        assert measure_length(short, channel)[0] <= measure_length(short, channel)[1]
        assert set(short.split()) <= {"Look", link, "…"}  # every link whole, the closing one kept


# --- forward-looking --------------------------------------------------------------------

FORWARD = {
    "en": ("We expect revenue to grow 20% next quarter.", "We grew 20% last quarter."),
    "nl": ("We verwachten dat de omzet volgend kwartaal met 20% groeit.", "Vorig kwartaal groeide de omzet met 20%."),
    "id": ("Kami memperkirakan pendapatan naik 20% pada kuartal depan.", "Pendapatan naik 20% pada kuartal lalu."),
    "it": ("Prevediamo che i ricavi crescano del 20% il prossimo trimestre.",
           "Il trimestre scorso i ricavi sono cresciuti del 20%."),
    "ru": ("Мы ожидаем, что выручка вырастет на 20% в следующем квартале.", "В прошлом квартале выручка выросла на 20%."),
}


@pytest.mark.parametrize("language", FORWARD)
def test_a_forecast_is_forward_looking_and_a_past_result_is_not(language):
    forecast, past = FORWARD[language]
    found = kinds(check(forecast, language=language), "forward_looking")
    assert [f.severity for f in found] == ["warn"]
    assert found[0].suggestion and found[0].message
    assert not kinds(check(past, language=language), "forward_looking")


def test_the_span_runs_from_the_first_to_the_last_forward_looking_words():
    text = "Thanks, team. Revenue will grow 20% next quarter."
    found = kinds(check(text), "forward_looking")
    assert [text[f.start:f.end] for f in found] == ["will grow 20% next quarter"]
    assert "“will grow 20% next quarter”" in found[0].message


@pytest.mark.parametrize("text", [
    "Our target audience is engineers.",
    "Looking forward to seeing you at the town hall on Thursday.",
    "Onze doelgroep zijn kleine ondernemers.",
])
def test_look_alikes_are_not_forward_looking(text):
    assert not kinds(check(text), "forward_looking")


def test_the_suggestion_is_the_organisations_safe_harbour_and_it_quiets_the_finding():
    harbour = "Statements about the future are estimates; see kestrel.example/ir."
    text = "We expect margins to improve next year."
    finding = kinds(check(text, brand=BrandRules(safe_harbour=harbour)), "forward_looking")[0]
    assert finding.suggestion == harbour
    covered = kinds(check(f"{text} {harbour}", brand=BrandRules(safe_harbour=harbour)), "forward_looking")
    assert [f.severity for f in covered] == ["info"] and covered[0].suggestion is None


# --- specificity --------------------------------------------------------------------------

SPECIFICITY = {
    "en": ("We are passionate about excellence and synergy in today's fast-paced world.",
           "Thanks to the 40 people in Rotterdam who moved the warehouse on Saturday in 9 hours."),
    "nl": ("Wij zijn gepassioneerd over excellentie en innovatie.",
           "Op zaterdag verhuisden 40 collega's in Rotterdam het magazijn in 9 uur."),
    "id": ("Kami selalu memberikan yang terbaik dengan semangat luar biasa.",
           "Pada hari Sabtu 40 karyawan di Surabaya memindahkan gudang dalam 9 jam."),
    "it": ("Siamo appassionati di eccellenza e innovazione.",
           "Sabato 40 colleghi a Genova hanno spostato il magazzino in 9 ore."),
    "ru": ("Мы горим своим делом и стремимся к совершенству.",
           "В субботу 40 сотрудников в Казани перевезли склад за 9 часов."),
}


@pytest.mark.parametrize("language", SPECIFICITY)
def test_platitudes_score_low_and_facts_score_high(language):
    generic, specific = SPECIFICITY[language]
    vague = check(generic, language=language)
    assert vague.specificity < 0.3
    finding = kinds(vague, "specificity")[0]
    assert finding.severity == "warn" and (finding.start, finding.end) == (0, len(generic))
    assert finding.suggestion == "Add a number, a name, a date or an example."
    concrete = check(specific, language=language)
    assert concrete.specificity > 0.7 and not kinds(concrete, "specificity")


def test_the_finding_sits_on_the_sentence_that_drags_the_post_down():
    text = ("On Saturday 40 people in Rotterdam moved the warehouse in 9 hours. "
            "We are passionate about excellence.")
    found = kinds(check(text), "specificity")
    assert [text[f.start:f.end] for f in found] == ["We are passionate about excellence."]
    assert "passionate about excellence" in found[0].message


# --- disclosure -----------------------------------------------------------------------------

CONFIDENTIAL = {
    "en": ("Internal only: the new price list.", "Internal only"),
    "nl": ("Vertrouwelijk: de nieuwe prijslijst.", "Vertrouwelijk"),
    "id": ("Rahasia, jangan disebarkan: daftar harga baru.", "Rahasia"),
    "it": ("Riservato: il nuovo listino.", "Riservato"),
    "ru": ("Конфиденциально: новый прайс-лист.", "Конфиденциально"),
}


@pytest.mark.parametrize("language", CONFIDENTIAL)
def test_confidentiality_markers_block(language):
    text, marker = CONFIDENTIAL[language]
    found = kinds(check(text, language=language), "disclosure")
    assert found and found[0].severity == "block" and text[found[0].start:found[0].end] == marker


@pytest.mark.parametrize("text, term", [
    ("We are in advanced talks with Maersk about an acquisition.", "acquisition"),
    ("The reorganisatie in Tilburg kost 40 banen.", "reorganisatie"),
    ("Kami akan melakukan PHK di pabrik Cikarang.", "PHK"),
    ("I licenziamenti a Bari sono stati firmati.", "licenziamenti"),
    ("Сокращение штата в Казани начнётся в марте.", "Сокращение штата"),
    ("Sneak peek of a product that is not yet announced!", "not yet announced"),
])
def test_deals_layoffs_and_launches_warn(text, term):
    found = kinds(check(text), "disclosure")
    assert term in [text[f.start:f.end] for f in found] and all(f.severity == "warn" for f in found)


@pytest.mark.parametrize("text, figure", [
    ("Our EBITDA margin reached 14.2% this quarter.", "EBITDA margin reached 14.2%"),
    ("De omzet steeg naar 12,4 miljoen euro.", "omzet steeg naar 12,4 miljoen"),
    ("Laba bersih Rp 5 miliar.", "Laba bersih Rp 5 miliar"),
    ("Il fatturato è di 3 milioni.", "fatturato è di 3 milioni"),
    ("Выручка составила 2 млрд рублей.", "Выручка составила 2 млрд"),
])
def test_financial_figures_warn(text, figure):
    assert figure in spans(text, check(text), "disclosure")


@pytest.mark.parametrize("text", [
    "Bukan rahasia lagi: rahasia sukses kami adalah tim yang solid.",
    "Your answers to the survey are kept confidential.",
    "Revenue matters less than trust.",
    "Our sales team in Milan won an award in 2023.",
])
def test_innocent_uses_of_the_words_are_not_disclosures(text):
    assert not kinds(check(text), "disclosure")


# --- personal data --------------------------------------------------------------------------


@pytest.mark.parametrize("text, found", [
    ("Write to jan.devries@example.com today.", "jan.devries@example.com"),
    ("Call +31 6 12345678 tomorrow.", "+31 6 12345678"),
    ("Bel me op 06-12345678.", "06-12345678"),
    ("Hubungi 0812-3456-7890 ya.", "0812-3456-7890"),
    ("Telefonami al 333 123 4567.", "333 123 4567"),
    ("Звоните 8 (912) 345-67-89.", "8 (912) 345-67-89"),
    ("Call (555) 123-4567.", "(555) 123-4567"),
    ("IBAN NL91 ABNA 0417 1643 00 today.", "NL91 ABNA 0417 1643 00"),
    ("Bonifico su IT60X0542811101000000123456 grazie.", "IT60X0542811101000000123456"),
    ("Card 4111 1111 1111 1111 expires soon.", "4111 1111 1111 1111"),
    ("Codice fiscale RSSMRA85T10A562S.", "RSSMRA85T10A562S"),
    ("СНИЛС 112-233-445 95.", "112-233-445 95"),
    ("Mijn BSN is 111222333.", "111222333"),
])
def test_personal_data_blocks_with_the_exact_span(text, found):
    findings = kinds(check(text), "personal_data")
    assert [text[f.start:f.end] for f in findings] == [found]
    assert findings[0].severity == "block" and findings[0].suggestion == "Remove it or share it privately."


@pytest.mark.parametrize("text", [
    "Follow @lena@social.example.org for updates.",
    "Revenue grew from 1,200,000 to 2,400,000 between 2023 and 2024.",
    "The meeting is on 05.03.2026 at 10:00.",
    "We moved 350 000 000 parcels.",
    "IBAN NL91 ABNA 0417 1643 01 is wrong on purpose.",  # checksum fails
    "Order 4111 1111 1111 1112 shipped.",  # Luhn fails
    "BSN 123456789.",  # 11-test fails
])
def test_numbers_that_are_not_personal_data_are_left_alone(text):
    assert not kinds(check(text), "personal_data")


def test_the_checksums():
    assert iban_valid("NL91ABNA0417164300") and iban_valid("DE89 3704 0044 0532 0130 00")
    assert iban_valid("GB82WEST12345698765432") and not iban_valid("GB82WEST12345698765433")
    assert not iban_valid("NL91ABNA041716430")  # one digit short for NL
    assert luhn_valid("4111111111111111") and not luhn_valid("4111111111111112")
    assert bsn_valid("111222333") and not bsn_valid("111222334")
    assert snils_valid("112-233-445 95") and not snils_valid("112-233-445 96")


# --- tone -------------------------------------------------------------------------------------

INSULTS = {
    "en": ("You are an idiot.", "idiot"),
    "nl": ("Je bent een idioot.", "idioot"),
    "id": ("Kamu memang bodoh.", "bodoh"),
    "it": ("Sei un idiota.", "idiota"),
    "ru": ("Ты идиот.", "идиот"),
}
CIVIL = {
    "en": "Thanks for the feedback; I disagree with the conclusion, and here is why.",
    "nl": "Dank voor je reactie; ik ben het niet eens met de conclusie en leg uit waarom.",
    "id": "Terima kasih atas masukannya; saya tidak setuju dengan kesimpulannya, dan ini alasannya.",
    "it": "Grazie del commento; non sono d'accordo con la conclusione e spiego perché.",
    "ru": "Спасибо за отзыв; я не согласен с выводом и объясню почему.",
}


@pytest.mark.parametrize("language", INSULTS)
def test_insults_warn_and_civil_disagreement_does_not(language):
    text, word = INSULTS[language]
    found = kinds(check(text, language=language), "tone")
    assert [(text[f.start:f.end], f.severity) for f in found] == [(word, "warn")]
    assert not kinds(check(CIVIL[language], language=language), "tone")


def test_hostility_without_a_rude_word_is_found_by_the_classifier():
    text = "People like you never understand anything about this business."
    assert "warn" in [f.severity for f in kinds(check(text), "tone")]


def test_shouting_and_rows_of_exclamation_marks():
    text = "THIS IS COMPLETELY UNACCEPTABLE!!! We will talk."
    found = kinds(check(text), "tone")
    assert ("THIS IS COMPLETELY UNACCEPTABLE!!!", "warn") in [(text[f.start:f.end], f.severity) for f in found]
    assert ("!!!", "info") in [(text[f.start:f.end], f.severity) for f in found]
    assert not kinds(check("Our IBAN team and the KPI ROI EBITDA review went well."), "tone")


def test_replying_to_an_abusive_account_adds_a_warning():
    found = kinds(check("Thanks for your message.", replying_to_abusive=True), "tone")
    assert [(f.severity, f.start, f.end) for f in found] == [("warn", 0, 0)]
    assert "abusive" in found[0].message


# --- brand ------------------------------------------------------------------------------------

RULES = BrandRules(banned=[("synergy", "working together"), ("game-changer", "")],
                   preferred=[("clients", "customers")], required=["#ad"])


def test_banned_terms_block_with_the_replacement_as_suggestion():
    text = "Great SYNERGY in Rotterdam, a real game changer. #ad"
    found = kinds(check(text, brand=RULES), "brand")
    assert [(text[f.start:f.end], f.severity, f.suggestion) for f in found] == [
        ("SYNERGY", "block", "working together"), ("game changer", "block", "Remove this term.")]


def test_brand_terms_match_whole_words_only():
    assert not kinds(check("Synergyx and clientside tooling. #ad", brand=RULES), "brand")


def test_discouraged_terms_are_information_and_missing_disclosures_warn():
    text = "Our clients love it."
    found = kinds(check(text, brand=RULES), "brand")
    assert [(f.severity, text[f.start:f.end], f.suggestion) for f in found] == [
        ("info", "clients", "customers"), ("warn", "", "#ad")]


# --- languages --------------------------------------------------------------------------------


def test_the_language_is_detected_or_taken_as_given():
    assert check("We verwachten dat de omzet volgend jaar groeit.").language == "nl"
    assert check("hello", language="PT-br").language == "pt"


def test_weaker_checks_are_named_for_languages_without_word_lists():
    assert check("Wir erwarten mehr Umsatz im nächsten Jahr.", language="de").weak_languages.keys() == {
        "forward_looking", "specificity", "disclosure", "tone"}
    assert "German" in check("Wir erwarten Wachstum.", language="de").weak_languages["tone"]
    # Every check meets its mark in every supported language (bench/guardrails.py): no notes there.
    for text, language in (("We verwachten groei.", "nl"), ("Prevediamo una crescita.", "it"),
                           ("Kami memperkirakan pendapatan naik.", "id"), ("We expect growth.", "en"),
                           ("Мы ожидаем рост.", "ru")):
        assert check(text, language=language).weak_languages == {}


def test_word_evidence_keeps_the_small_words_that_decide_tense():
    from colony.desk.checks.model import classifier, evidence, grams

    assert {"akan", "akan naik", "<num>", "~ntu"} <= grams("Penjualan akan naik 20% tahun ini, tentu")
    model = classifier("forward_looking")
    assert model is not None and model.word_evidence, "the forward-looking weights ship their word evidence"
    table = model.word_evidence
    # Learnt from the examples, not listed: future markers weigh for, past markers against.
    assert table["akan"] > 0 and table["будет"] > 0 and table["zal"] > 0
    assert table["lalu"] < 0 and table["last year"] < 0
    assert evidence("Omzet zal volgend jaar stijgen", table) > evidence("Omzet steeg vorig jaar", table)
    assert evidence("", table) == 0.0
