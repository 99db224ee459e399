"""Disclosure: material news before it is public, and text marked confidential.

A leader's post about revenue, a deal, layoffs or a launch may be the first
time the market hears of it; it has to match what was already announced.
Text marked confidential should not be posted at all, hence ``block``.
"""

from __future__ import annotations

import re

from django.utils.translation import gettext

from .base import Finding
from .text import lexicon

CONFIDENTIAL = lexicon(
    r"(?:strictly )?confidential", r"internal(?: use)? only", r"for internal use", r"do not (?:share|forward|distribute)",
    r"don't (?:share|forward)", r"not for (?:distribution|publication|external use)", r"under (?:an )?nda",
    r"embargoed", r"under embargo",
    r"vertrouwelijk\w*", r"(?:alleen|uitsluitend|strikt) intern\w*", r"voor intern gebruik", r"intern document",
    r"niet (?:extern )?(?:delen|doorsturen|verspreiden)",
    r"rahasia", r"internal saja", r"hanya untuk (?:kalangan )?internal", r"jangan (?:disebarkan|dibagikan|diteruskan|disebar)",
    r"tidak untuk (?:disebarluaskan|dipublikasikan)",
    r"riservat[oaie]", r"confidenzial[ei]", r"(?:solo |ad )?uso interno", r"non (?:divulgare|condividere|diffondere|inoltrare)",
    r"конфиденциальн\w*", r"для внутреннего (?:использования|пользования)", r"не для (?:распространения|публикации)",
    r"не распространять", r"не пересылать", r"секретно", r"коммерческая тайна",
)
# Idioms that use the marker words innocently ("the secret of success is no secret").
_INNOCENT = lexicon(
    r"rahasia (?:sukses|umum|kecil|keberhasilan|dapur)", r"bukan rahasia", r"keep (?:\w+ )?confidential",
    r"kept confidential", r"remain(?:s)? confidential", r"confidential(?:ly)? (?:helpline|hotline|support|counsel\w*)",
    r"vertrouwelijk (?:behandeld|behandelen|gesprek)", r"in alle vertrouwelijkheid",
)

_METRIC = lexicon(
    r"revenue", r"revenues", r"sales", r"turnover", r"profit", r"profits", r"ebitda", r"ebit", r"margin", r"margins",
    r"earnings", r"net income", r"operating income", r"cash flow", r"bookings", r"arr", r"eps",
    r"omzet", r"winst", r"marge", r"brutomarge", r"nettowinst", r"resultaat", r"kasstroom",
    r"pendapatan", r"penjualan", r"laba(?: bersih)?", r"keuntungan", r"margin", r"omzet", r"arus kas",
    r"fatturato", r"ricavi", r"utile", r"utili", r"margine", r"margini", r"vendite", r"flusso di cassa",
    r"выручк\w*", r"прибыл\w*", r"маржа", r"маржинальност\w*", r"продаж\w*", r"оборот\w*", r"денежн\w+ поток\w*",
)
# An amount: a percentage, a currency, or a magnitude ("12.4 million", "€3m", "Rp 5 miliar", "2 млрд").
_AMOUNT = re.compile(
    r"(?:[€$£¥₽]|rp\.?|usd|eur|idr|rub|руб\.?)\s?\d[\d.,]*\s?(?:[mkb]n?|mln|mld|miljoen|miljard|juta|miliar|triliun|"
    r"milion[ei]|miliard[io]|млн|млрд|тыс\.?)?(?!\w)"
    r"|\d[\d.,]*\s?(?:%|percent|procent|persen|per cento|процент\w*|"
    r"[mkb]n?(?=\s|$|[.,;])|million|billion|mln|mld|miljoen|miljard|juta|miliar|triliun|milion[ei]|miliard[io]|"
    r"млн|млрд|миллион\w*|миллиард\w*|euro|dollars?|rupiah|рубл\w+)(?!\w)",
    re.IGNORECASE,
)
DEALS = lexicon(
    r"acquisition", r"acquir(?:e|es|ing)", r"merger", r"merg(?:e|ing) with", r"takeover",
    r"signing with", r"sign(?:ed)? (?:a|the) deal", r"in (?:advanced )?talks with", r"letter of intent", r"term sheet",
    r"joint venture", r"buyout",
    r"overname", r"over te nemen", r"overnemen", r"fusie", r"fuseren", r"in onderhandeling met", r"onderhandelingen met", r"intentieverklaring",
    r"akuisisi", r"mengakuisisi", r"merger", r"penggabungan", r"pengambilalihan", r"penandatanganan (?:dengan|kontrak)",
    r"dalam pembicaraan dengan", r"nota kesepahaman", r"mou",
    r"acquisizione", r"acquisire", r"fusione", r"firmare con", r"firma con", r"in trattativa con", r"trattative con",
    r"lettera d'intenti",
    r"поглощени\w*", r"слияни\w*", r"приобретени\w+ (?:компании|бизнеса|доли)", r"покупк\w+ компании",
    r"подписани\w+ (?:с|соглашения|договора)", r"переговор\w* с", r"сделк\w*",
)
LAYOFFS = lexicon(
    r"layoffs?", r"lay(?:ing)? off", r"laid off", r"redundanc(?:y|ies)", r"job cuts", r"headcount reduction",
    r"restructuring", r"reorgani[sz]ation", r"downsizing", r"(?:had to )?let (?:\d+ )?(?:people|employees|staff|colleagues) go",
    r"ontslag(?:en)?", r"ontslagronde", r"reorganisatie", r"herstructurering", r"banen (?:schrappen|verdwijnen)",
    r"gedwongen vertrek",
    r"phk", r"pemutusan hubungan kerja", r"restrukturisasi", r"merumahkan", r"dirumahkan", r"pengurangan karyawan",
    r"licenziament[oi]", r"ristrutturazione", r"esuber[oi]", r"tagli (?:al personale|di personale|dei posti)",
    r"cassa integrazione",
    r"сокращени[ея] (?:штата|персонала|сотрудников|рабочих мест)", r"массов\w+ сокращени\w*", r"сокращения", r"увольнени\w*", r"реструктуризаци\w*",
    r"оптимизаци\w+ (?:штата|персонала)",
)
LAUNCHES = lexicon(
    r"not yet announced", r"before (?:the|our|it's|its) (?:official )?(?:announcement|launch)", r"sneak peek",
    r"secret project", r"unannounced", r"stealth (?:mode|launch)", r"launching soon",
    r"nog niet aangekondigd", r"nog niet bekend(?:gemaakt)?", r"binnenkort (?:lanceren|live|beschikbaar)",
    r"voorproefje", r"geheim project",
    r"belum diumumkan", r"segera (?:meluncurkan|diluncurkan|hadir|rilis)", r"bocoran", r"proyek rahasia",
    r"non ancora annunciat[oaie]", r"in anteprima", r"lancio imminente", r"prima dell'annuncio", r"progetto segreto",
    r"ещё не объявлен\w*", r"еще не объявлен\w*", r"скоро запуст\w+", r"до официального (?:объявления|анонса)",
    r"секретн\w+ проект\w*", r"тизер",
)


def findings(text: str) -> list[Finding]:
    out: list[Finding] = []
    innocent = [m.span() for m in _INNOCENT.finditer(text)]
    for m in CONFIDENTIAL.finditer(text):
        if any(s <= m.start() < e or m.start() <= s < m.end() for s, e in innocent):
            continue
        out.append(Finding(
            "disclosure", "block", m.start(), m.end(),
            gettext("“%(marker)s”: text marked confidential must not be posted.") % {"marker": m.group(0)},
            gettext("Remove the confidential part, or ask the owner whether it may be shared."),
        ))
    out += _figures(text)
    for pattern, message in (
        (DEALS, gettext("“%(term)s”: a deal may only be mentioned once it has been announced.")),
        (LAYOFFS, gettext("“%(term)s”: layoffs and restructuring must be announced to staff and the market first.")),
        (LAUNCHES, gettext("“%(term)s”: check that this launch has been announced before you post about it.")),
    ):
        for m in pattern.finditer(text):
            out.append(Finding("disclosure", "warn", m.start(), m.end(), message % {"term": m.group(0)},
                               gettext("Check with Investor Relations or Legal that this is public.")))
    return out


def _figures(text: str) -> list[Finding]:
    """A revenue, profit or margin word with an amount close by, in either order."""
    out: list[Finding] = []
    for m in _METRIC.finditer(text):
        window_start, window_end = max(0, m.start() - 60), min(len(text), m.end() + 80)
        amounts = [a for a in _AMOUNT.finditer(text, window_start, window_end)]
        # The amount must sit in the same sentence as the metric word.
        amounts = [a for a in amounts if not re.search(r"[.!?]\s|\n", text[min(a.end(), m.end()):max(a.start(), m.start())])]
        if not amounts:
            continue
        nearest = min(amounts, key=lambda a: abs(a.start() - m.start()))
        start, end = min(m.start(), nearest.start()), max(m.end(), nearest.end())
        if out and start < out[-1].end:  # one finding per figure, even when it names two metrics
            continue
        out.append(Finding(
            "disclosure", "warn", start, end,
            gettext("“%(figure)s” is a financial figure; post it only once it has been published.")
            % {"figure": " ".join(text[start:end].split())},
            gettext("Check with Investor Relations that this figure is public."),
        ))
    return out
