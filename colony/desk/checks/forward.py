"""Forward-looking statements: forecasts, expectations, guidance, targets, plans.

Securities rules (and plain prudence) ask that a leader who talks about
where results are going says so with the safe-harbour wording. The word
lists below find the usual signals in English, Dutch, Indonesian, Italian
and Russian; a trained classifier decides (the same words are also in past
results, event invitations and "target audience"). The lists are applied in
every language at once: leaders mix languages, and detection of a short
sentence is not certain.
"""

from __future__ import annotations

import datetime
import re

from django.utils.translation import gettext

from .base import Finding
from .text import lexicon

# Future tense and intention ("will grow", "zullen", "akan", "crescerà", "будем").
FUTURE = lexicon(
    r"will (?:not )?\w+", r"shall \w+", r"won'?t \w+", r"\w+'ll", r"going to \w+", r"(?:is|are|am) set to",
    r"zal(?:len)? \w+", r"zult",
    # "gaan" + infinitive; not the separable "gaat ... open" (a timetable, see START) nor a numeral ("om negen uur").
    r"ga(?:an|at) (?:\w+ ){0,4}(?!open\b|negen\b|zeven\b|tien\b|elf\b|twaalf\b)\w+en",
    r"akan \w+", r"bakal \w+", r"hendak",
    r"\w{2,}(?:erò|erà|eremo|erete|eranno|irò|irà|iremo|irete|iranno|arò|arà|aremo|arete|aranno)",
    r"sar(?:à|anno|emo|ò)", r"avr(?:à|anno|emo|ò)", r"potr(?:à|anno|emo)", r"dovr(?:à|anno|emo)",
    r"far(?:à|anno|emo)", r"andr(?:à|anno|emo)", r"verr(?:à|anno)", r"vedremo",
    r"буд(?:ем|ет|ут|у|ете)",
    # "собираться" is "intend to" only with an infinitive; "собирается каждый вторник" is a meeting.
    r"собира(?:емся|ется|ются) (?:\w+ )?\w+(?:ть|ти|чь)(?:ся)?", r"вырас(?:тет|тут|тем)", r"увелич(?:им|ится|ит|атся)",
    r"запуст(?:им|ит)", r"откро(?:ем|ет)", r"достигн(?:ем|ет|ут)", r"удво(?:им|ится)", r"превыс(?:им|ит)",
    r"состав(?:ит|ят)", r"(?:да|созда)ст", r"встан(?:ет|ут)", r"расшир(?:им|ит)", r"смож(?:ем|ет)", r"стан(?:ет|ем|ут)", r"выйд(?:ем|ет)",
    r"нач(?:нём|нем|нет)", r"выпуст(?:им|ит)", r"наймём|наймем", r"сократ(?:им|ит)", r"завершим", r"представим",
    r"сниз(?:им|ит)", r"повыс(?:им|ит)", r"постро(?:им|ит)", r"внедр(?:им|ит)", r"добав(?:им|ит)",
    r"перевед(?:ём|ем|ёт|ет)", r"закро(?:ем|ет)", r"измен(?:ится|ятся)", r"получ(?:им|ит)", r"прим(?:ем|ет)",
)
# Forecast, expectation, plan and target words.
FORECAST = lexicon(
    r"expect(?:s|ed to|ing)?", r"expectations?", r"forecast(?:s|ing)?", r"anticipat(?:e|es|ing)",
    r"project(?:s|ed|ing)? (?:to|that)", r"projections?", r"predict(?:s|ing)?", r"guidance", r"outlook",
    r"on track (?:to|for)", r"plan(?:s|ning)? to", r"aim(?:s|ing)? (?:to|for)", r"intend(?:s)? to",
    r"target(?:s|ing|ed)?", r"goal (?:is|of)", r"ambition (?:is|to)", r"hope to", r"poised to",
    r"likely to", r"should (?:reach|grow|rise|double|exceed|deliver|improve)", r"(?:is|are) (?:scheduled|due|expected|slated) to",
    r"as soon as", r"once (?:the|we|our|it)", r"we'?re on (?:course|track)", r"from now on", r"starting (?:next|in|from)",
    r"(?:i'?m|we'?re|i am|we are) (?:confident|convinced|sure) (?:that )?", r"(?:in|over) the (?:medium|long) (?:term|run)",
    r"projecting", r"budget(?:ing|ed)? for", r"looks? set to", r"(?:the|our) (?:plan|idea|intention) is (?:to|for|that)",
    r"(?:goal|target|aim|objective|priority|ambition|plan|roadmap|milestone|budget)s? for (?:the )?(?:next|coming|upcoming|new) \w+",
    r"(?:our|the) next milestone",
    r"verwacht(?:en|ing|ingen)?", r"voorspel\w*", r"prognose\w*", r"vooruitzicht\w*", r"stre(?:ven|eft|ef) naar",
    r"doelstelling\w*", r"ons doel", r"(?:van )?plan(?:nen|t)? om", r"mikken op", r"koersen op", r"op koers",
    r"rekenen (?:op|erop)", r"gaan (?:er )?(?:van )?uit", r"(?:zijn|is) van plan", r"voorzien", r"straks", r"zodra",
    r"vooruitkijkend", r"naar planning", r"volgens (?:de|onze) planning", r"op schema om", r"voortaan",
    r"op (?:middel)?lange termijn", r"binnenkort", r"eerstdaags", r"vermoedelijk", r"waarschijnlijk",
    r"(?:het is )?de bedoeling (?:is )?dat", r"het idee is dat", r"begroten (?:op|voor)", r"belooft", r"naar schatting",
    r"rekenen (?:\w+ ){1,3}op",
    r"(?:doel|doelstelling|streven|ambitie|prioriteit|plan|inzet|mijlpaal|roadmap)\w* (?:voor|in) (?:het |de )?(?:komend|volgend|nieuw)\w*",
    r"volgende mijlpaal", r"(?:ervan )?overtuigd dat", r"weet zeker dat", r"vertrouwen (?:er )?in dat",
    # Indonesian affixes (me-, di-, ber-, -kan) wrap the same roots.
    r"(?:mem|di|ter)?perkira\w*", r"\w*proyeksi\w*", r"menargetkan", r"ditargetkan", r"(?:mem|di)prediksi\w*", r"berniat", r"segera",
    r"tidak lama lagi", r"dalam waktu dekat", r"nanti", r"siap (?:beroperasi|dibuka|diluncurkan|berproduksi)", r"target", r"sasaran", r"\w*rencana\w*",
    r"(?:di|ber|meng)?harap(?:kan)?",
    r"optimis(?:tis)?", r"prospek", r"bertujuan", r"dijadwalkan", r"nantinya", r"paling lambat", r"berikutnya",
    r"harus sudah", r"(?:kami|kita) harap", r"begitu \w+ (?:berjalan|rampung|selesai|jadi)", r"sesuai jalur",
    r"mulai (?:sekarang|bulan depan|tahun depan|pekan depan)", r"jangka (?:menengah|panjang)", r"kemungkinan(?: besar)?",
    r"(?:saya|kami|kita) yakin", r"(?:se)?(?:mesti|harus)nya", r"harus (?:mencapai|naik|turun|selesai|rampung)",
    r"ambisi (?:kami|kita)", r"begitu (?:\w+ ){1,4}(?:dibuka|keluar|berjalan|rampung|selesai|jadi|beroperasi)", r"targetnya", r"sasarannya", r"niat(?:nya| kami)", r"cita-cita",
    r"(?:target|sasaran|rencana|prioritas|peta jalan|tonggak)\w* (?:\w+ ){0,3}(?:depan|mendatang|berikutnya)",
    r"prevediamo", r"preved(?:e|ono|iamo)", r"previst[oaie]", r"prevision[ei]", r"stimiamo", r"stim[ae] (?:di|che)",
    r"ci aspettiamo", r"si aspetta(?:no)?", r"aspettative", r"obiettiv[oi]", r"puntiamo a", r"punta(?:no)? a",
    r"contiamo di", r"contiamo che", r"intendiamo", r"pianifich\w+", r"prospettive", r"traguard[oi]", r"sulla buona strada per",
    r"in programma", r"in linea per", r"vogliamo", r"guardando avanti", r"prossim[oa] \w+", r"(?:quando|appena) partir\w+",
    r"d'ora in poi", r"ci attendiamo", r"cont(?:a|ano) di", r"si annuncia", r"l'(?:intento|idea) è", r"prossima tappa",
    r"(?:obiettiv|traguard|priorit|ambizion|pian|tabella di marcia)\w* (?:per|del|della|dell') ?(?:la |il |l')?(?:prossim\w+|anno che viene|stagione che viene|nuov\w+)", r"(?:nel )?(?:medio|lungo) (?:periodo|termine)", r"(?:sono|siamo) (?:convint|sicur|fiducios)[oi] che",
    r"ожида(?:ем|ется|ют|ются|ния|ние|ний)", r"прогноз\w*", r"планир\w*", r"в планах", r"рассчитыва(?:ем|ет|ют)",
    r"намерен[аы]?", r"намерение", r"закладыва(?:ем|ют|ет)", r"обеща(?:ет|ют)", r"следующая веха",
    r"(?:цел\w*|задач\w*|ориентир\w*|приоритет\w*|план\w*) на (?:следующ\w+|предстоящ\w+|наступающ\w+|ближайш\w+|новый|сезон|год|квартал)", r"цел(?:ь|и|ей|ям|евой|евые|евых|евого|евым)", r"ориентир\w*", r"стремимся", r"нацелены",
    r"предполага(?:ем|ется)", r"надеемся", r"по плану", r"как только", r"скоро", r"в скором времени", r"отныне",
    r"в (?:средне|долго)срочной перспективе", r"уверен[аы]?", r"убежд[её]н[аы]?", r"заглядывая вперёд", r"заглядывая вперед",
    r"позвол(?:ят|ит)", r"объяв(?:им|ит)", r"полетим", r"заработа(?:ет|ют)", r"откро(?:ется|ются)", r"появ(?:ится|ятся)",
    r"перейд(?:ут|ёт|ет|ём|ем)", r"замен(?:им|ит)", r"обойд(?:ётся|ется)", r"выполн(?:им|ит)", r"стан(?:ет|ут|ем)",
)
# A future horizon ("next quarter", "volgend kwartaal", "kuartal depan", "il prossimo trimestre",
# "в следующем квартале"): months and years, the scale of forecasts and plans.
FUTURE_TIME = lexicon(
    r"next (?:fiscal |financial )?(?:quarter|year|month|season|decade|half|phase|summer|spring|autumn|fall|winter)",
    r"(?:the )?coming (?:months|years|quarters|year|quarter)", r"(?:the )?(?:year|years|months) ahead",
    r"over the next \w+ (?:years|months|quarters)", r"within (?:the next )?\w+ (?:years|months|quarters)",
    r"by the end of (?:the|this|next) (?:year|quarter|decade|month)", r"later this (?:year|quarter|month)",
    r"going forward", r"in the future", r"from next \w+",
    r"next (?:tax|academic|school|calendar|financial|fiscal) year", r"(?:the )?(?:coming|upcoming) (?:season|term|semester|year)",
    r"(?:the )?(?:next|new) (?:tax|academic|school) year", r"the year that comes",
    r"volgend(?:e)? (?:kwartaal|jaar|maand|boekjaar|seizoen|decennium)", r"komend(?:e)? (?:jaar|jaren|maanden|kwartaal|kwartalen|periode)",
    r"de komende \w+", r"komend(?:e)? (?:halfjaar|seizoen|voorjaar|najaar|zomer|winter|decennium)",
    r"volgend(?:e)? (?:voorjaar|najaar|zomer|winter|halfjaar|jaren)", r"eind dit (?:jaar|kwartaal)", r"later dit jaar", r"in de toekomst", r"binnen \w+ (?:jaar|maanden)",
    r"over (?:een|\w+) (?:jaar|maanden)", r"begin volgend jaar",
    r"(?:volgend|komend|nieuwe?) (?:belastingjaar|studiejaar|schooljaar|boekjaar)", r"(?:het )?komende seizoen",
    r"(?:kuartal|tahun|bulan|semester|triwulan) depan", r"ke depan(?:nya)?", r"akhir tahun ini", r"mendatang",
    r"di masa depan", r"dalam \w+ tahun (?:ke depan|mendatang)", r"dalam (?:\w+ )?\w+ (?:bulan|tahun)", r"(?:setahun|sebulan) dari sekarang",
    r"musim depan", r"sebelum akhir (?:tahun|kuartal)", r"\w+ (?:hari|minggu|pekan|bulan|tahun) lagi",
    r"tahun (?:pajak|ajaran|buku) (?:depan|baru|berikutnya)", r"musim mendatang",
    r"prossim[oaie] (?:trimestre|trimestri|anno|anni|mese|mesi|esercizio|semestre|estate|autunno)",
    r"(?:l')?anno prossimo", r"entro (?:fine|la fine) (?:anno|dell'anno|trimestre|del \d{4})", r"in futuro", r"nei prossimi \w+",
    r"entro (?:un|\w+) (?:anno|anni|mesi)", r"tra un anno", r"da qui in avanti",
    r"prossim[oa] (?:anno|stagione) (?:fiscale|accademico|scolastico|sportiva)", r"(?:l')?anno che viene", r"(?:la )?stagione che viene",
    r"следующ(?:ем|ий|его|ая|ую|ей|ие|их) (?:квартал|квартале|год|году|месяц|месяце|этапе|лет|годы)",
    r"в ближайш\w+ (?:\w+ )?(?:годы|месяцы|кварталы|время|год|лет)", r"к концу (?:года|квартала|десятилетия)",
    r"до конца (?:года|квартала|\d{4} года)", r"в будущем", r"в перспективе", r"(?:грядущ|предстоящ)\w+",
    r"через (?:год|\w+ (?:лет|года|месяцев))", r"(?:с|в) (?:нового|новом|наступающ\w+) (?:налогового |учебного |финансового )?(?:году|года|год)",
    r"(?:на|в) (?:предстоящ|наступающ|новом|новый)\w* сезон\w*", r"в течение (?:\w+ )?(?:года|лет|месяцев|полутора лет)", r"в начале \d{4} года",
)
# Days and weeks ahead: the scale of invitations, holidays and meetings rather than forecasts,
# so a feature of its own that the classifier learns to weigh lightly.
NEAR_FUTURE = lexicon(
    r"next (?:week|weekend|monday|tuesday|wednesday|thursday|friday|saturday|sunday)", r"tomorrow", r"tonight",
    r"(?:the )?coming weeks?", r"this (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekend)",
    r"volgende (?:week|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)", r"morgen", r"komende weken?",
    r"(?:minggu|pekan|senin|selasa|rabu|kamis|jumat|sabtu) depan", r"besok", r"lusa", r"(?:sabtu|minggu|jumat) ini",
    r"(?:la )?prossima settimana", r"settimana prossima", r"domani", r"(?:lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica) prossimo",
    r"на следующей неделе", r"завтра", r"в (?:этот|эту|это|следующ\w+) (?:понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье)",
)
# A timetable in the present tense ("goes live next Tuesday", "start in januari", "mulai berlaku tahun
# pajak depan", "entra in vigore dal prossimo anno", "вступает в силу с нового года"): a verb of starting,
# opening, launching or taking effect, with a date ahead in the same sentence and no habit ("every year").
START = lexicon(
    r"go(?:es)? live", r"kicks? (?:in|off)", r"takes? effect", r"comes? into (?:force|effect)", r"comes? online",
    r"(?:starts?|begins?|opens|reopens?|launch(?:es)?|debuts?|rolls? out|arrives?|applies|apply|moves?|switch(?:es)?|"
    r"expands?|rises?|goes up|ends|closes|expires?|hits? the shelves|gets? under way|welcomes?|handles?|ships?|"
    r"doubles?|grows?|becomes?|stays?|remains?|runs? from)",
    r"(?:is|are|'s|'re) (?:starting|opening|launching|going live|moving|coming|arriving|closing|switching|hiring|adding|"
    r"rolling out|expanding|opening|introducing|rising)",
    r"ga(?:at|an) (?:\w+ ){0,3}(?:live|open|in|van start|omhoog|over)", r"start(?:en)?", r"begin(?:t|nen)", r"open(?:t|en)",
    r"heropen(?:t|en)", r"tre(?:edt|den) (?:\w+ ){0,3}in werking", r"ontvangt", r"verwelkomt", r"trek(?:t|ken)", r"komt", r"geld(?:t|en)", r"verhuist",
    r"stijg(?:t|en)", r"loopt", r"lig(?:t|gen) (?:\w+ ){0,3}in de schappen",
    r"wor(?:dt|den) (?:\w+ ){0,4}(?:afgerond|uitgekeerd|geopend|gelanceerd|ingevoerd|verhoogd)", r"vervalt", r"draait", r"breidt", r"stapt", r"verdubbelt", r"groeit", r"levert",
    r"(?:di)?mulai", r"berlaku", r"(?:di)?buka", r"dibuka(?: kembali)?", r"diluncurkan", r"beroperasi", r"live", r"pindah",
    r"naik", r"berakhir", r"bergulir", r"hadir", r"diperluas", r"beralih", r"menerima", r"menyambut", r"bertambah",
    r"menggandakan", r"tersedia", r"berjalan", r"dibagikan", r"menempati", r"wajib",
    r"part(?:e|ono)", r"inizi(?:a|ano)", r"cominci(?:a|ano)", r"(?:ri)?apr(?:e|ono)", r"va(?:nno)? online",
    r"entr(?:a|ano) in (?:vigore|funzione)", r"scatt(?:a|ano)", r"debutt(?:a|ano)", r"arriv(?:a|ano)", r"val(?:e|gono)",
    r"sal(?:e|gono)", r"entr(?:a|ano)", r"vien(?:e|gono) (?:\w+ )?(?:pagat|apert|lanciat|introdott|completat)\w", r"aument(?:a|ano)", r"si trasferisce", r"passa", r"prende il via", r"decorr(?:e|ono)",
    r"inaugura", r"scad(?:e|ono)", r"si (?:allarga|chiude)", r"raddoppia", r"accoglie", r"spedisce", r"divent(?:a|ano)",
    r"запуска(?:ется|ются|ем)", r"старту(?:ет|ют|ем)", r"начина(?:ется|ются|ет|ют|ем)", r"открыва(?:ется|ются|ет|ют|ем)",
    r"вступа(?:ет|ют) в силу", r"действу(?:ет|ют)", r"применя(?:ется|ются)", r"переходит", r"переезжа(?:ет|ют)",
    r"раст(?:ёт|ет|ут)", r"дорожа(?:ет|ют)", r"заканчива(?:ется|ются)", r"ввод(?:ится|ятся) в строй", r"принима(?:ет|ют)",
    r"появля(?:ется|ются)", r"выплачива(?:ется|ются)", r"въезжа(?:ет|ют)", r"охватыва(?:ет|ют)", r"приход(?:ит|ят)",
    r"удваива(?:ет|ют|ем)", r"становя?(?:тся)", r"остаются", r"вырастает", r"добавляем", r"нанимаем",
)
_MONTHS = (
    r"january|february|march|april|may|june|july|august|september|october|november|december|"
    r"januari|februari|maart|mei|juni|juli|augustus|oktober|maret|agustus|desember|"
    r"gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre|"
    r"январ[еья]|феврал[еья]|март[ае]?|апрел[еья]|ма[еяй]|июн[еья]|июл[еья]|август[ае]?|сентябр[еья]|октябр[еья]|"
    r"ноябр[еья]|декабр[еья]"
)
SCHEDULE_TIME = lexicon(
    rf"(?:in|from|by|on|this|next|until|before|starting|early|late|mid|\d{{1,2}}(?:st|nd|rd|th)?) (?:{_MONTHS})",
    rf"(?:in|vanaf|per|tegen|voor|deze|begin|eind|medio|\d{{1,2}}) (?:{_MONTHS})",
    rf"(?:pada|mulai|bulan|per|sebelum|awal|akhir|menjelang|\d{{1,2}}) (?:{_MONTHS})",
    rf"(?:a|ad|da|dal|entro|di|a partire da|questo|prossimo|\d{{1,2}}°?) (?:{_MONTHS})",
    rf"(?:в|с|к|до|этом|этого|\d{{1,2}}) (?:{_MONTHS})", rf"(?:{_MONTHS}) ini",
    r"(?:this|next|the|in|by|over the|before|until) (?:spring|summer|autumn|fall|winter|high season|holidays)",
    r"(?:in|nel|pada|в|in het) (?:the )?(?:first|second|third|fourth|primo|secondo|terzo|quarto|eerste|tweede|derde|vierde|"
    r"первом|втором|третьем|четв[её]ртом) (?:quarter|trimestre|kwartaal|квартале)", r"kuartal (?:pertama|kedua|ketiga|keempat)",
    rf"(?:dimulai|dibuka|berlaku|buka|mulai|masuk|naik) (?:\w+ )?(?:{_MONTHS})",
    r"(?:the|a) new year", r"christmas", r"before the (?:election|holidays|summer|winter)", r"from \d", r"by the end of",
    r"(?:in het|dit|deze|het|volgend|komend) (?:voorjaar|najaar|zomer|winter|herfst|seizoen|nieuwe jaar)", r"kerst",
    r"vanaf (?:\d|het|de|begin|volgend)", r"met kerst", r"vóór de (?:winter|zomer|feestdagen|verkiezingen)", r"eind (?:van )?de(?:ze)? (?:zomer|maand)",
    r"tahun baru", r"lebaran", r"natal", r"menjelang (?:\w+ )?(?:lebaran|natal|akhir|tahun baru)", r"musim (?:hujan|kemarau|liburan|ramai|panen|gugur)(?: ini| nanti)?",
    r"mulai (?:\d|tahun|bulan|awal)", r"akhir bulan ini", r"pertengahan tahun depan", r"semester ini",
    r"(?:in|quest'|questa|questo|la prossima|il prossimo|entro l'|dall'|dell'|nell'|nella|dalla|in)\s*(?:primavera|estate|autunno|inverno|stagione)",
    r"(?:l'|il )?(?:anno nuovo|nuovo anno)", r"natale", r"le feste", r"dal \d", r"entro (?:fine|la fine|l')", r"a partire da",
    r"весной", r"летом", r"осенью", r"зимой", r"к (?:лету|осени|зиме|весне|новому году|концу)", r"в новом году",
    r"(?:с|со) (?:\d|нового|следующ\w+|начала|осени|весны|лета|зимы)", r"до (?:зимы|лета|осени|весны|праздников|выборов)",
    r"в (?:новом|этом|предстоящем) сезоне", r"в этом (?:сентябре|году)", r"за лето",
)
# Habits and timetables that repeat ("every Monday", "setiap tahun", "ogni anno", "каждый год").
HABIT = lexicon(
    r"every", r"each", r"usually", r"always", r"daily", r"weekly", r"annually", r"on weekdays",
    r"elke", r"iedere", r"altijd", r"meestal", r"dagelijks", r"doordeweeks",
    r"setiap", r"tiap", r"biasanya", r"selalu", r"ogni", r"di solito", r"sempre", r"nei giorni feriali",
    r"кажд\w+", r"ежегодно", r"ежедневно", r"обычно", r"всегда", r"по будням",
)


# "in 2028", "by 2030", "tegen 2030", "pada 2028", "entro il 2028", "к 2030 году": future only if after this year.
_YEAR = re.compile(
    r"(?<!\w)(?:in|by|for|until|through|early|late|end of|tegen|voor|eind|begin|pada|hingga|sampai|tahun|akhir|awal|"
    r"nel|entro(?: il| la fine del)?|per il|fine|inizio del|к|в|до|конца|начале|концу)\s+(20\d\d)(?!\d)",
    re.IGNORECASE,
)
# Past results, the usual hard negative ("we grew 20% last quarter").
PAST = lexicon(
    r"last (?:quarter|year|month|week|season|summer|spring|autumn|winter)", r"(?:\w+ )?ago", r"previous (?:quarter|year)",
    r"year to date", r"so far this year", r"grew", r"rose", r"increased", r"declined", r"doubled", r"delivered",
    r"reached", r"closed", r"launched", r"opened", r"achieved", r"was", r"were", r"(?:has|have|had) (?:\w+ )?(?:been|grown|risen|\w+ed)",
    r"vorig(?:e)? (?:kwartaal|jaar|maand|week)", r"afgelopen \w+", r"geleden", r"groeide", r"steeg", r"stegen",
    r"daalde", r"verdubbelde", r"(?:hebben|heeft|is|zijn) (?:\w+ ){0,3}ge\w+(?:d|t|en)",
    r"(?:kuartal|tahun|bulan|minggu|triwulan|semester) lalu", r"yang lalu", r"sebelumnya", r"telah", r"sudah", r"tadi",
    r"(?:trimestre|anno|mese|semestre) scorso", r"(?:lo |l')scors[oa] \w+", r"l'anno scorso", r"\w+ fa",
    r"(?:abbiamo|ha|hanno|è|sono) (?:\w+ )?\w+(?:ato|ata|ati|ate|uto|uta|uti|ito|ita|iti)",
    r"прошл(?:ом|ый|ого|ая|ую|ой) (?:квартал|квартале|год|году|месяц|месяце|неделе)", r"в прошлом", r"назад",
    r"вырос(?:ла|ли|ло)?", r"увеличил\w*", r"составил\w*", r"достигл\w*", r"запустил\w*", r"открыл\w*",
    r"завершил\w*", r"сократил\w*", r"был[аио]?",
    r"last (?:january|february|march|april|may|june|july|august|september|october|november|december)",
    r"(?:januari|februari|maret|april|mei|juni|juli|agustus|september|oktober|november|desember) (?:lalu|kemarin)",
    r"\w+ terakhir", r"sejak", r"berturut-turut",
    r"(?:gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre) scorso",
)
# A start that already happened or a state that has held since a date ("went live in March", "sinds maart",
# "ging in het voorjaar live"); PAST holds the other markers.
SINCE = lexicon(r"went", r"since", r"sinds", r"ging(?:en)?", r"trad(?:en)?", r"kemarin")
# Phrases that look forward without forecasting anything.
IDIOMS = lexicon(
    r"looking forward to", r"look forward to", r"target (?:audience|group|market|customers|readers|users)",
    r"kijk(?:en)? (?:er )?(?:naar )?uit", r"doelgroep\w*", r"tidak sabar", r"nggak sabar", r"target pasar",
    r"non vedo l'ora", r"non vediamo l'ora", r"pubblico (?:di )?(?:riferimento|target)", r"target di riferimento",
    r"с нетерпением", r"целев(?:ая|ой|ую) аудитори\w+",
    # The weather forecast is no forecast of the organisation's results.
    r"weather forecast", r"(?:rain|snow|storms?|showers|frost) (?:is |are )?(?:forecast|expected)", r"weersverwachting",
    r"(?:regen|storm|sneeuw|onweer) (?:wordt )?verwacht", r"prakiraan cuaca", r"(?:BMKG|cuaca) (?:mem)?prakira\w*",
    r"previsioni (?:meteo|del tempo)", r"(?:è|sono) previst[aie] (?:una |la )?(?:pioggia|neve|mareggiata|temporal\w*|burrasca)",
    r"прогноз\w* погоды", r"ожида(?:ется|ются) (?:дожд\w*|шторм|снег\w*|гроз\w*|заморозк\w*)",
)
# The safe-harbour sentence itself talks about the future; never flag it.
SAFE_HARBOUR_MARKERS = lexicon(
    r"forward-looking statements?", r"actual results (?:may|could) differ", r"toekomstgerichte (?:uitspraken|verklaringen)",
    r"pernyataan (?:yang bersifat )?(?:berwawasan ke depan|prospektif)", r"dichiarazioni previsionali",
    r"прогнозные заявления", r"заявления прогнозного характера",
)
_NUMBER = re.compile(r"\d")

FEATURE_NAMES = ("future", "forecast", "future_time", "future_year", "past", "past_year", "number", "idiom", "near_future",
                 "scheduled")


def _years(sentence: str, year: int) -> tuple[bool, bool]:
    found = [int(m.group(1)) for m in _YEAR.finditer(sentence)]
    return any(y > year for y in found), any(y < year for y in found)


def scheduled(sentence: str, future_year: bool = False) -> bool:
    """A present-tense start, launch or change with a date ahead, not a habit or a past one ("goes live next Tuesday").

    A past marker ("last March", "sejak", "Januari lalu", "went live") means the date lies behind.
    """
    if not START.search(sentence) or HABIT.search(sentence) or PAST.search(sentence) or SINCE.search(sentence):
        return False
    return future_year or any(p.search(sentence) for p in (SCHEDULE_TIME, FUTURE_TIME, NEAR_FUTURE))


def features(sentence: str, year: int | None = None) -> list[float]:
    """Lexicon features of one sentence (the classifier sees these beside the embedding)."""
    this_year = year or datetime.date.today().year
    future_year, past_year = _years(sentence, this_year)
    return [
        float(bool(FUTURE.search(sentence))), float(bool(FORECAST.search(sentence))),
        float(bool(FUTURE_TIME.search(sentence))), float(future_year), float(bool(PAST.search(sentence))),
        float(past_year), float(bool(_NUMBER.search(sentence))), float(bool(IDIOMS.search(sentence))),
        float(bool(NEAR_FUTURE.search(sentence))), float(scheduled(sentence, future_year)),
    ]


def keyword_hit(sentence: str, year: int | None = None) -> bool:
    """The word-list-only decision (the baseline, and the fallback without a classifier)."""
    plain = IDIOMS.sub(" ", sentence)  # "target audience" and "looking forward to" forecast nothing
    f = features(plain, year)
    return bool(f[0] or f[1] or f[2] or f[3] or f[9])


def is_safe_harbour(sentence: str, safe_harbour: str) -> bool:
    if SAFE_HARBOUR_MARKERS.search(sentence):
        return True
    probe = " ".join(safe_harbour.split()).lower()[:60]
    return bool(probe) and probe in " ".join(sentence.split()).lower()


def key_span(sentence: str) -> tuple[int, int] | None:
    """From the first to the last forward-looking word of a sentence ("will grow 20% next quarter")."""
    hits = [m.span() for pattern in (FUTURE, FORECAST, FUTURE_TIME, _YEAR) for m in pattern.finditer(sentence)]
    if not hits:
        return None
    return min(s for s, _ in hits), max(e for _, e in hits)


def default_safe_harbour() -> str:
    return gettext(
        "This post contains forward-looking statements. They reflect our current expectations and "
        "actual results may differ materially."
    )


def findings(text: str, flagged: list[tuple[int, int]], safe_harbour: str) -> list[Finding]:
    """Findings for the sentences (spans in ``text``) judged forward-looking."""
    if not flagged:
        return []
    covered = bool(SAFE_HARBOUR_MARKERS.search(text)) or (
        bool(safe_harbour.strip()) and is_safe_harbour(text, safe_harbour))
    out = []
    for start, end in flagged:
        sentence = text[start:end]
        key = key_span(sentence)
        s, e = (start + key[0], start + key[1]) if key else (start, end)
        quote = _quote(text[s:e])
        if covered:
            message = gettext("“%(quote)s” is a forward-looking statement; the post carries the safe-harbour wording.")
        else:
            message = gettext("“%(quote)s” is a forward-looking statement; say it only with the safe-harbour wording.")
        out.append(Finding("forward_looking", "info" if covered else "warn", s, e, message % {"quote": quote},
                           None if covered else (safe_harbour.strip() or default_safe_harbour())))
    return out


def _quote(fragment: str, limit: int = 80) -> str:
    fragment = " ".join(fragment.split())
    return fragment if len(fragment) <= limit else fragment[: limit - 1].rstrip() + "…"
