#!/usr/bin/env python
"""Build Colony's labelled expert-routing set: people.jsonl, posts.jsonl, asks.jsonl.

    .venv/bin/python bench/routing_set/build.py            # (re)writes the three files beside this script
    .venv/bin/python bench/routing_set/build.py --check    # validates and prints the sizes, writes nothing

The organisation (Kestrel, a food-ingredients and logistics group with offices
in the Netherlands, Indonesia, Italy, Central Asia and a few other places) is
designed by hand below, expert by expert: each designed person has a title,
a bio, skills and hand-written posts that show what they really know. Every
ask names the people who can truly help, decided while writing that person,
never by running a ranking. The rest of the organisation ("background"
people) is composed from hand-written fragments with a fixed seed; their
profiles and posts are deliberately generic, so that no background person
holds the specialised knowledge an ask needs.

Deterministic: fixed seeds, no clock, no network. Standard library only.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import unicodedata
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEED = 20260314
LANGS = ("en", "nl", "id", "it", "ru")
PERIOD_START = datetime(2025, 10, 1, 7, 0, tzinfo=UTC)
PERIOD_END = datetime(2026, 11, 30, 18, 0, tzinfo=UTC)

ENG, DATA, FIN, PPL, LEG, SAL, MKT, OPS, CS, SEC, FAC, PRD = TEAMS = [
    "Engineering", "Data & Analytics", "Finance", "People", "Legal", "Sales", "Marketing",
    "Operations & Logistics", "Customer Support", "Security", "Facilities", "Product",
]

# office code -> (city, main language, other languages some people there speak)
OFFICES = {
    "ams": ("Amsterdam", "nl", ["de", "fr"]),
    "rtm": ("Rotterdam", "nl", ["de"]),
    "utr": ("Utrecht", "nl", ["de"]),
    "jkt": ("Jakarta", "id", ["jv", "su"]),
    "sub": ("Surabaya", "id", ["jv"]),
    "mil": ("Milano", "it", ["fr", "es"]),
    "bol": ("Bologna", "it", ["es"]),
    "ala": ("Almaty", "ru", ["kk"]),
    "tas": ("Tashkent", "ru", ["uz"]),
    "bsk": ("Bishkek", "ru", ["ky"]),
    "beg": ("Belgrade", "ru", ["sr"]),
    "lon": ("London", "en", ["fr"]),
    "lis": ("Lisbon", "en", ["pt", "es"]),
    "sin": ("Singapore", "en", ["zh", "ms"]),
    "blr": ("Bangalore", "en", ["hi", "kn"]),
}

PEOPLE: dict[str, dict] = {}      # handle -> profile (the people.jsonl object)
OFFICE_OF: dict[str, str] = {}    # handle -> office code
WORK_POSTS: dict[str, list[str]] = {}  # handle -> hand-written posts about their work
DESIGNED: list[str] = []          # handles of the hand-designed people, in order
ASKS: list[dict] = []
THREADS: list[tuple[str, str, str, str]] = []  # (question language, question, expert handle, answer)


def P(handle: str, name: str, office: str, team: str, title: str, bio: str, skills: list[str],
      posts: list[str], langs: list[str] | None = None) -> None:
    """A hand-designed person: their expertise is what the bio, skills and posts say."""
    if handle in PEOPLE:
        raise SystemExit(f"build: duplicate handle {handle}")
    lang = OFFICES[office][1]
    PEOPLE[handle] = {
        "handle": handle, "name": name, "title": title, "team": team, "bio": bio,
        "skills": list(skills), "languages": langs or ([lang] if lang == "en" else [lang, "en"]),
    }
    OFFICE_OF[handle] = office
    WORK_POSTS[handle] = list(posts)
    DESIGNED.append(handle)


def A(lang: str, text: str, experts: list[str], skills: list[str] | None = None, asker: str | None = None) -> None:
    """An ask and the people who can truly help with it (decided when the people were written)."""
    ASKS.append({"language": lang, "text": text, "skills": list(skills or []), "experts": list(experts),
                 "asker": asker})


def T(lang: str, question: str, expert: str, answer: str) -> None:
    """A question someone posted and the expert's reply (the reply reveals the expertise)."""
    THREADS.append((lang, question, expert, answer))


# =============================================================================================
# The designed organisation, cluster by cluster. Near neighbours sit in the same cluster on
# purpose: they are each other's distractors (Kubernetes vs VMware, SAP HR vs SAP migration,
# tax law vs employment law, ...).
# =============================================================================================

# --- Platform infrastructure -------------------------------------------------------------------
P("joost_bakker", "Joost Bakker", "ams", ENG, "Platform engineer",
  "Keeps our Kubernetes clusters boring, which is the highest compliment in my line of work. "
  "Before Kestrel I ran container platforms for a bank in Utrecht.",
  ["kubernetes", "helm", "argocd", "linux"],
  ["Upgrade van het productiecluster naar 1.30 zit erop. Twee verouderde API-versies in onze Helm charts "
   "gevonden, die moest ik eerst herschrijven. Staging volgt dinsdag.",
   "PSA: if your pod keeps getting OOMKilled, look at the memory limit in values.yaml before you blame the "
   "JVM. Happy to pair on it.",
   "ArgoCD synct nu automatisch alle staging-namespaces. Terugdraaien is één klik. Vragen? Je weet me te vinden.",
   "Ingress controller swapped for the new one over the weekend. If an internal URL gives you a 404, "
   "tell me which one."])
P("dmitry_volkov", "Дмитрий Волков", "beg", ENG, "Site reliability engineer",
  "Отвечаю за надёжность платформы и график дежурств. Люблю разбирать инциденты до самого корня и "
  "писать постмортемы без поиска виноватых.",
  ["sre", "on-call", "incident-management", "go"],
  ["Разобрались, почему поды на стейджинге падали по ночам: autoscaler удалял ноды вместе с подами, а "
   "PodDisruptionBudget ни у кого не было. Добавили PDB всем сервисам, ночь прошла тихо.",
   "Написал на Go маленький оператор, который чистит зависшие job'ы в кластере. Код в общем репозитории.",
   "Постмортем по вчерашнему отказу склада опубликован. Главный вывод: таймауты между сервисами должны "
   "быть короче, чем у балансировщика.",
   "Night drain of the spot node pool now respects disruption budgets. If your service still restarts at "
   "02:00, send me the namespace."],
  langs=["ru", "en", "sr"])
P("marco_bianchi", "Marco Bianchi", "mil", ENG, "Infrastructure engineer",
  "Gestisco l'infrastruttura on-premise di Milano e Bologna: vSphere, storage e backup. Se una VM non "
  "parte, di solito lo so prima io.",
  ["vmware", "vsphere", "veeam", "windows-server"],
  ["Migrazione dei vecchi host ESXi completata nel weekend. Zero fermo per il magazzino, ma tanto caffè.",
   "Reminder: snapshots are not backups. The Veeam job for the finance file server now runs every 4 hours "
   "and we test a restore every month.",
   "Ripristinato oggi il server delle licenze di Bologna da backup in 20 minuti. Per questo facciamo le "
   "prove di ripristino!"])
P("rizky_pratama", "Rizky Pratama", "jkt", ENG, "Cloud engineer",
  "Ngurus infrastruktur AWS kita pakai Terraform. Dulu network engineer di ISP, jadi masih suka urusan "
  "routing dan VPN.",
  ["aws", "terraform", "networking", "vpn"],
  ["Akhirnya VPN site-to-site dari gudang Cikarang ke AWS stabil. Masalahnya ternyata MTU, bukan firewall 😅",
   "Terraform state for the Jakarta account now lives in S3 with locking. No more 'who applied what' mysteries.",
   "Bikin modul Terraform buat VPC standar: subnet privat, NAT, flow log. Tim lain tinggal pakai.",
   "Transit gateway between the Jakarta and Frankfurt accounts is live; latency to the ERP dropped by half."])

A("en", "Our staging pods get evicted every night around 2am and nobody knows why. Is there someone who "
  "understands the cluster autoscaler and node draining?", ["dmitry_volkov", "joost_bakker"])
A("nl", "Wie kan mij helpen onze Helm chart bij te werken? Sinds de clusterupgrade deployt hij niet meer: "
  "'no matches for kind Ingress in version ...'.", ["joost_bakker"], ["helm"])
A("it", "Qualcuno sa come si ripristina una macchina virtuale da backup? Il server delle licenze CAD a Bologna "
  "non si avvia più da stamattina.", ["marco_bianchi"])
A("id", "Butuh bantuan soal koneksi dari gudang ke cloud, sering putus kalau upload file besar. Siapa yang "
  "paham jaringan?", ["rizky_pratama"])
A("ru", "Кто может помочь с Terraform? Хочу поднять отдельную сеть для тестов в AWS, но боюсь сломать общий "
  "state.", ["rizky_pratama"], ["terraform"])
A("ru", "После обновления контейнеры нашего сервиса перезапускаются с ошибкой нехватки памяти. Кто подскажет, "
  "как правильно выставить лимиты в чарте?", ["joost_bakker"])
A("en", "Need a new Windows VM on the Milan cluster for a supplier's label printing software. Who do I ask?",
  ["marco_bianchi"])
A("id", "Pod di cluster staging restart terus tiap malam. Ada yang pernah ngalamin dan tahu cara ngatasinnya?",
  ["dmitry_volkov", "joost_bakker"])

# --- Builds and pipelines ---------------------------------------------------------------------
P("lotte_visser", "Lotte Visser", "ams", ENG, "Developer productivity engineer",
  "I make builds faster and pipelines less flaky. Ask me about GitLab runners, caching, and why your job "
  "has been stuck in 'pending' since lunch.",
  ["gitlab-ci", "docker", "build-tooling"],
  ["Onze Docker-images bouwen nu met layer caching op de runners: van 14 naar 4 minuten per pipeline.",
   "Flaky test hall of fame updated. Top offender: a test that depends on the time zone of the runner.",
   "Twee extra runners met veel geheugen toegevoegd voor de Android-builds. Geen wachtrij meer op maandag.",
   "Merge trains are on for the monorepo. Your MR now gets tested against what main will look like."])
P("andrea_mancini", "Andrea Mancini", "bol", ENG, "Senior developer",
  "Sviluppo e mantengo i connettori Java verso i sistemi legacy. Conosco il nostro vecchio Jenkins meglio "
  "di quanto vorrei.",
  ["java", "maven", "jenkins", "spring-boot"],
  ["Ho spostato gli ultimi job Jenkins del connettore ordini su un agent nuovo. Se vedete build rosse "
   "stanotte, scrivetemi.",
   "Spring Boot 3 nel connettore fatture: migrazione da javax a jakarta fatta, test verdi.",
   "The invoice connector's Jenkinsfile finally lives in the repo instead of in the Jenkins UI. Small "
   "victories."])

A("it", "La pipeline su GitLab resta in 'pending' da stamattina, nessun runner la prende. Chi se ne occupa?",
  ["lotte_visser"])
A("en", "Anyone still know how the old Jenkins build of the invoice connector works? I need to bump a Maven "
  "dependency and the job fails.", ["andrea_mancini"])
A("nl", "Onze builds duren eeuwig, elke keer wordt het hele image opnieuw gebouwd. Iemand die weet hoe je dat "
  "sneller krijgt?", ["lotte_visser"])
A("ru", "Кто поддерживает старый коннектор заказов на Java? Нужно понять, почему он падает при выгрузке в ERP.",
  ["andrea_mancini"])

# --- Databases -------------------------------------------------------------------------------
P("sergey_kuznetsov", "Сергей Кузнецов", "ala", ENG, "Database engineer",
  "PostgreSQL: производительность, репликация, бэкапы. Если запрос тормозит — присылайте EXPLAIN ANALYZE, "
  "разберёмся.",
  ["postgresql", "sql", "performance-tuning"],
  ["Нашёл, почему отчёт по складу строился 40 секунд: индекс был, но запрос шёл через lower(). Сделал "
   "индекс по выражению — теперь 300 мс.",
   "Logical replication from the orders database to the analytics replica is live. Lag is under a second.",
   "Обновили Postgres до 16 на всех серверах заказов. Спасибо всем за терпение в окно обслуживания.",
   "Autovacuum на таблице событий не успевал, поэтому она раздулась втрое. Подкрутил настройки, место вернулось."],
  langs=["ru", "kk", "en"])
P("paola_moretti", "Paola Moretti", "mil", ENG, "Oracle DBA",
  "DBA Oracle da quindici anni. Seguo il database del vecchio sistema contabile e i suoi backup RMAN, "
  "finché non lo spegniamo.",
  ["oracle", "rman", "pl-sql"],
  ["Patch trimestrale di Oracle applicata al db della contabilità. Tutto regolare, finestra rispettata.",
   "ORA-01555 durante la chiusura di fine mese: ho aumentato l'undo retention, il job ora arriva in fondo.",
   "Tablespace degli archivi fiscali spostato su storage nuovo, 2 TB liberati."])
P("hendra_gunawan", "Hendra Gunawan", "jkt", ENG, "Backend developer",
  "Backend developer di tim aplikasi tracking pengiriman. Suka Node.js, TypeScript dan kopi tubruk.",
  ["node.js", "typescript", "rest-api"],
  ["Koleksi event tracking di MongoDB sudah 900 juta dokumen. Minggu ini pasang TTL index supaya data lama "
   "otomatis terhapus setelah 180 hari.",
   "Aggregation pipeline tip: put $match before $lookup or your Mongo cluster will hate you.",
   "Replica set Mongo sekarang 3 node di dua zona. Failover tadi malam cuma 8 detik."])

A("nl", "Mijn query op de orderdatabase (Postgres) duurt sinds gisteren minuten in plaats van seconden. Wie wil "
  "even meekijken naar het query plan?", ["sergey_kuznetsov"])
A("ru", "Кто разбирается в MongoDB? Коллекция с событиями растёт бесконечно, нужно как-то автоматически чистить "
  "старые данные.", ["hendra_gunawan"])
A("en", "Need someone who knows the Oracle database behind the old accounting system: a month-end job fails with "
  "ORA-01555 (snapshot too old).", ["paola_moretti"])
A("id", "Query laporan gudang di Postgres lambat banget padahal sudah ada index. Ada DBA yang bisa bantu cek?",
  ["sergey_kuznetsov"])
A("it", "Il nostro database di tracking in Mongo occupa sempre più spazio, qualcuno sa come gestire la "
  "scadenza dei documenti vecchi?", ["hendra_gunawan"])

# --- Mobile ----------------------------------------------------------------------------------
P("yoga_prasetyo", "Yoga Prasetyo", "jkt", ENG, "Android developer",
  "Developer Android untuk aplikasi sopir. Kotlin, Jetpack Compose, dan sering uji coba di HP kentang biar "
  "aplikasinya tetap ringan.",
  ["android", "kotlin", "jetpack-compose"],
  ["Rilis 4.12 aplikasi sopir: foto bukti kirim sekarang dikompres dulu, hemat kuota.",
   "Crash rate on Android 9 devices dropped to 0.2% after fixing the camera permission flow.",
   "Ada yang punya HP Android lama (Samsung J-series) nganggur? Butuh buat testing, nanti dibalikin."],
  langs=["id", "jv", "en"])
P("chiara_ricci", "Chiara Ricci", "mil", ENG, "iOS developer",
  "Sviluppatrice iOS. Mi occupo dell'app per i clienti e delle pubblicazioni su App Store, con tutto ciò "
  "che ne consegue.",
  ["ios", "swift", "swiftui"],
  ["Apple ha rifiutato la build per il privacy manifest. Sistemato, di nuovo in revisione.",
   "Widget SwiftUI per vedere lo stato della consegna dalla schermata di blocco: in beta da lunedì.",
   "TestFlight group for the new customer app is open. DM me your Apple ID if you want to try it."])

A("id", "Aplikasi sopir di HP Samsung lama sering force close pas buka kamera. Ada yang bisa bantu cek?",
  ["yoga_prasetyo"])
A("en", "Our App Store submission got rejected again, something about a privacy manifest. Who has dealt with "
  "Apple's review before?", ["chiara_ricci"])
A("ru", "Водители жалуются, что приложение на старых Android-телефонах вылетает при фотографировании "
  "накладной. Кто его разрабатывает?", ["yoga_prasetyo"])
A("nl", "Kan iemand me toegang geven tot de testversie van de klantenapp op mijn iPhone?", ["chiara_ricci"])

# --- Frontend --------------------------------------------------------------------------------
P("noor_brouwer", "Noor Brouwer", "ams", ENG, "Frontend developer",
  "Frontend developer met een zwak voor toegankelijkheid. Ik test alles ook met een schermlezer en alleen "
  "het toetsenbord.",
  ["react", "accessibility", "wcag", "typescript"],
  ["Vandaag het klantportaal getest met NVDA. Drie knoppen zonder label en een modal waar je niet meer uit "
   "komt. Tickets aangemaakt.",
   "Contrast checker bookmarklet shared in #frontend. Grey-on-grey is not a design choice, it's a bug.",
   "Het portaal haalt nu WCAG 2.2 AA op alle formulieren. De European Accessibility Act komt eraan, dus "
   "mooi op tijd."],
  langs=["nl", "en", "ar"])
P("simone_giordano", "Simone Giordano", "bol", ENG, "Frontend engineer",
  "Works on our design system components and Storybook. Likes fast pages and small bundles.",
  ["react", "storybook", "design-system", "web-performance"],
  ["Bundle del portale clienti sceso da 1,8 MB a 600 KB con il code splitting delle pagine report.",
   "Nuovo componente tabella nel design system, con ordinamento e paginazione. Storybook aggiornato.",
   "Largest Contentful Paint on the portal home is now 1.9 s on a mid-range phone over 4G. Was 6."])

A("nl", "We kregen een klacht dat ons klantportaal niet te gebruiken is voor een blinde gebruiker. Wie weet hoe "
  "je dat test en oplost?", ["noor_brouwer"])
A("it", "Il portale clienti ci mette 8 secondi a caricare su 4G. Qualcuno che sa ottimizzare il JavaScript?",
  ["simone_giordano"])
A("ru", "Нужна консультация: какие требования к сайту для людей с нарушением зрения и как проверить, что мы им "
  "соответствуем?", ["noor_brouwer"])
A("en", "Is there a ready-made table component with sorting in our UI library, or do I build my own?",
  ["simone_giordano"])

# --- Observability ---------------------------------------------------------------------------
P("ivan_kozlov", "Иван Козлов", "tas", ENG, "DevOps engineer",
  "Мониторинг и алерты: Prometheus, Grafana, Alertmanager. Стараюсь, чтобы ночью будили только по делу.",
  ["prometheus", "grafana", "alerting"],
  ["Переписал правила алертов для складских сервисов: вместо 40 уведомлений за ночь теперь 3, и все по делу.",
   "New Grafana dashboard: order API latency per warehouse. Link is pinned in the channel.",
   "Добавил в алерты ссылку на runbook. Если дежурный не знает, что делать, — это баг алерта, а не дежурного."],
  langs=["ru", "uz", "en"])
P("wei_ling_tan", "Wei Ling Tan", "sin", ENG, "Platform engineer",
  "Runs the central logging stack (OpenSearch + Fluent Bit). If you can't find your logs, come and talk to me.",
  ["opensearch", "elk", "fluent-bit", "logging"],
  ["Log retention is now 30 days hot, 1 year cold. Searching old logs is slower but a lot cheaper.",
   "Please stop logging full customer addresses at INFO level. I'm adding a redaction filter this week.",
   "Fluent Bit upgraded on all nodes; the Jakarta clusters were dropping lines under load before."],
  langs=["en", "zh", "ms"])

A("en", "Our on-call gets paged about 30 times a night for the warehouse service, mostly noise. Who can help "
  "tune the alert rules?", ["ivan_kozlov"])
A("id", "Log aplikasi dari minggu lalu kok nggak bisa dicari ya? Siapa yang pegang sistem logging terpusat?",
  ["wei_ling_tan"])
A("it", "Vorrei un cruscotto con i tempi di risposta delle API ordini per magazzino. Chi lo sa fare?",
  ["ivan_kozlov"])
A("nl", "Onze servicelogs bevatten klantadressen. Kan iemand helpen die eruit te filteren voordat ze worden "
  "opgeslagen?", ["wei_ling_tan"])

# --- Integration -----------------------------------------------------------------------------
P("pieter_van_dijk", "Pieter van Dijk", "rtm", ENG, "Integration specialist",
  "Sinds 2009 bezig met EDI-koppelingen met vervoerders en retailers. EDIFACT, X12 en veel geduld.",
  ["edi", "edifact", "integration"],
  ["Nieuwe retailer live op EDI: ORDERS en DESADV lopen, INVOIC volgt volgende maand.",
   "If a carrier says our IFTMIN is 'invalid', nine times out of ten it's the date format segment. Ask me "
   "before you open a ticket with them.",
   "Mapping voor de nieuwe vervoerder in Indonesië af. Ze gebruiken een eigen CSV-variant, dus toch maatwerk."],
  langs=["nl", "en", "de"])
P("alexei_sokolov", "Алексей Соколов", "beg", ENG, "Backend engineer",
  "Бэкенд на Kotlin и Kafka. Делаю так, чтобы события о заказах доходили до всех систем ровно один раз и "
  "в правильном порядке.",
  ["kotlin", "kafka", "event-driven"],
  ["Перевели топик с заказами на 24 партиции, ключ — номер заказа. Порядок событий по заказу сохраняется.",
   "Consumer lag dashboard for every Kafka topic is up. If your service falls behind, it turns red.",
   "Разобрал, почему биллинг видел отмену раньше создания заказа: продюсер писал без ключа."])
P("priya_nair", "Priya Nair", "blr", ENG, "API platform lead",
  "Leads the partner API platform: gateway, developer portal, OAuth clients for customers and carriers.",
  ["api-gateway", "oauth2", "openapi"],
  ["Partner developer portal now shows rate limits per client. Fewer 'why 429?' emails, hopefully.",
   "We deprecate v1 of the shipment API on 1 March. Migration guide is in the portal.",
   "New customers get sandbox client credentials automatically now. Production keys still go through me."],
  langs=["en", "hi", "ml"])

A("nl", "Een nieuwe klant (supermarktketen) wil orders en verzendberichten via EDIFACT uitwisselen. Wie heeft "
  "zo'n koppeling eerder opgezet?", ["pieter_van_dijk"])
A("en", "Messages from the order service arrive out of order in the billing consumer. Who knows our Kafka "
  "setup well enough to explain partitioning?", ["alexei_sokolov"], ["kafka"])
A("it", "Un cliente vuole integrarsi con le nostre API ma riceve sempre 401 con le credenziali client. Chi "
  "gestisce l'accesso dei partner?", ["priya_nair"])
A("id", "Vendor ekspedisi bilang file pengiriman dari sistem kita formatnya salah terus. Siapa yang ngerti "
  "pertukaran data elektronik dengan vendor?", ["pieter_van_dijk"])
A("ru", "Партнёр просит тестовый доступ к нашему API отгрузок. Кто выдаёт ключи?", ["priya_nair"])

# --- Reporting and the data warehouse -------------------------------------------------------------
P("femke_jansen", "Femke Jansen", "ams", DATA, "BI developer",
  "Ik bouw Power BI-rapporten voor finance en sales. DAX-puzzels zijn mijn sudoku.",
  ["power-bi", "dax", "data-visualisation"],
  ["Row-level security in het salesrapport staat aan: accountmanagers zien nu alleen hun eigen klanten.",
   "Tip: een measure met CALCULATE en ALL is bijna altijd de reden dat je totalen raar doen.",
   "The finance dashboard refresh moved to 06:00 so it's ready before the morning stand-up."])
P("alessandro_marino", "Alessandro Marino", "mil", DATA, "Data analyst",
  "Analista dati per marketing e vendite Italia. Uso Tableau da anni, Power BI da poco.",
  ["tableau", "sql", "excel"],
  ["Dashboard Tableau delle promozioni aggiornato con i dati di settembre.",
   "Analisi del sell-out nei supermercati del Nord: le promo sul pepe funzionano meglio a fine mese."])
P("anna_smirnova", "Анна Смирнова", "ala", DATA, "Analytics engineer",
  "Analytics engineer: модели в dbt поверх Snowflake, тесты данных и документация.",
  ["dbt", "snowflake", "sql", "data-modeling"],
  ["Добавила тесты в dbt на уникальность заказов — сразу нашли дубли из старой системы.",
   "The finance mart is now rebuilt incrementally. Full refresh took 50 minutes, now 6.",
   "Документация по всем моделям dbt теперь публикуется автоматически. Ссылка в закрепе."])
P("bayu_nugroho", "Bayu Nugroho", "jkt", DATA, "Data engineer",
  "Data engineer. Bikin pipeline yang narik data dari gudang dan ERP ke data warehouse.",
  ["python", "airflow", "etl"],
  ["DAG Airflow untuk data stok gudang sekarang jalan tiap jam, bukan tiap malam lagi.",
   "Added retries and an SLA alert to the ERP extraction. Last week's gap won't happen silently again."])

A("en", "In the sales report the totals row doesn't match the sum of the lines when I filter by region. "
  "Any DAX wizard around?", ["femke_jansen"])
A("nl", "Kan iemand uitleggen waarom een accountmanager in het dashboard ook klanten van collega's ziet? Dat "
  "zou niet mogen.", ["femke_jansen"])
A("ru", "У меня в отчёте задвоены заказы из старой системы. Кто может показать, где это ловить в моделях "
  "хранилища?", ["anna_smirnova"])
A("id", "Data stok di dashboard baru update besok paginya, padahal tim gudang butuh per jam. Siapa yang ngatur "
  "jadwal tarik datanya?", ["bayu_nugroho", "anna_smirnova"])
A("it", "Qualcuno mi aiuta a rifare in Power BI un cruscotto che avevo in Tableau? Le misure calcolate non mi "
  "tornano.", ["femke_jansen"], ["power-bi"], asker="alessandro_marino")
A("en", "Who built the promotions dashboard for Italy? I need the September sell-out numbers by region.",
  ["alessandro_marino"])

# --- Data science ------------------------------------------------------------------------------
P("tatiana_petrova", "Tatiana Petrova", "ala", DATA, "Data scientist",
  "Data scientist working on demand forecasting for the warehouses. Mostly gradient boosting, sometimes "
  "plain seasonal baselines that win anyway.",
  ["forecasting", "python", "lightgbm", "time-series"],
  ["Прогноз спроса на Рамадан для Индонезии: учли сдвиг праздника по календарю, ошибка упала на 18%.",
   "Reminder that a naive seasonal forecast is a great baseline. Ours beat a fancy model for two product groups.",
   "Сделала прогноз числа паллет на складах на декабрь. Цифры у руководителей складов."],
  langs=["ru", "en", "kk"])
P("arief_rahman", "Arief Rahman", "jkt", DATA, "Machine learning engineer",
  "ML engineer. Lagi fokus ke klasifikasi tiket customer service dan model bahasa untuk Bahasa Indonesia.",
  ["machine-learning", "nlp", "python", "pytorch"],
  ["Model klasifikasi tiket versi baru: akurasi 91% untuk keluhan pengiriman, tapi masih bingung bedain "
   "'retur' dan 'refund'.",
   "Our ticket router now tags 60% of incoming emails automatically; agents only check the uncertain ones."])
P("elena_gallo", "Elena Gallo", "mil", DATA, "Statistician",
  "Statistica. Aiuto i team prodotto e marketing a progettare esperimenti e a leggere i risultati senza "
  "illudersi.",
  ["statistics", "ab-testing", "r"],
  ["Promemoria: se fermate un test A/B appena vedete p<0,05 state barando, anche senza volerlo.",
   "Sample size calculator for checkout experiments is in the wiki, with our real baseline conversion rates.",
   "Corso interno di statistica per non statistici: 4 incontri da un'ora, iscrizioni aperte."])

A("nl", "We willen voor de kerst beter inschatten hoeveel pallets we per DC nodig hebben. Wie doet hier iets "
  "met het voorspellen van volumes?", ["tatiana_petrova"])
A("en", "Our newsletter test shows variant B at +4% clicks after two days. Can someone who knows statistics "
  "tell me whether that means anything?", ["elena_gallo"])
A("id", "Ada yang bisa bantu bikin sistem otomatis buat ngelompokin email keluhan pelanggan? Sekarang masih "
  "dibaca satu-satu.", ["arief_rahman"])
A("ru", "Сколько пользователей нужно, чтобы эксперимент с новой кнопкой оформления заказа был значимым? Кто "
  "поможет посчитать?", ["elena_gallo"])
A("it", "Serve una previsione dei volumi per i magazzini indonesiani durante il Ramadan. C'è qualcuno che ci "
  "ha già lavorato?", ["tatiana_petrova"])
A("en", "Can a model tell 'return' requests apart from 'refund' requests in Indonesian support emails? Who "
  "has tried?", ["arief_rahman"])

# --- SAP: migration vs HR vs finance vs warehouse ----------------------------------------------
P("wouter_dekker", "Wouter Dekker", "ams", ENG, "SAP data migration lead",
  "Leading the data migration for our move to S/4HANA: migration cockpit, mapping workshops and endless "
  "Excel templates.",
  ["sap-s4hana", "data-migration", "ltmc"],
  ["Proefmigratie 3 van klant- en materiaalstamdata afgerond. 97% ging in één keer goed, de rest zijn oude "
   "adressen zonder postcode.",
   "Tip for anyone loading into S/4: clean your business partner data BEFORE the mock load, not during.",
   "Mapping-workshop met inkoop: 14 soorten leveranciers in het oude systeem, 4 in het nieuwe. Dat wordt "
   "nog een gesprek.",
   "Cut-over plan for wave 2 is out. Open sales orders are loaded on the Saturday, stock on the Sunday."])
P("giulia_rossi", "Giulia Rossi", "mil", PPL, "SAP HR consultant",
  "Consulente interna SAP HR: SuccessFactors Employee Central e payroll. Faccio da ponte tra HR e IT.",
  ["sap-hr", "successfactors", "hris"],
  ["Nuovi campi in Employee Central per il welfare aziendale: online da lunedì.",
   "Workflow di approvazione per i cambi di ruolo sistemato: ora arriva prima al responsabile e poi all'HR.",
   "If your manager in the HR system is wrong, don't fix it in Excel — tell me and I'll fix the org chart."])
P("budi_santoso", "Budi Santoso", "sub", FIN, "SAP FICO specialist",
  "Spesialis SAP FICO. Ngurus cost center, profit center, dan closing bulanan di SAP.",
  ["sap-fico", "controlling", "cost-accounting"],
  ["Closing bulan ini lancar, cuma ada dua cost center yang salah assign. Sudah dibetulin.",
   "Reminder: before you lock a cost centre, move its open commitments. Otherwise month-end reports break.",
   "Hierarki profit center baru untuk pabrik Surabaya sudah aktif mulai periode 7."])
P("olga_popova", "Ольга Попова", "tas", OPS, "SAP EWM key user",
  "Ключевой пользователь SAP EWM на складе в Ташкенте. Обучаю кладовщиков и пишу инструкции.",
  ["sap-ewm", "warehouse-management", "training"],
  ["Провела обучение по инвентаризации в EWM для ночной смены. Инструкции на русском и узбекском лежат в "
   "общей папке.",
   "Настроили волны отбора по маршрутам: машины на Самарканд теперь грузятся первыми."],
  langs=["ru", "uz", "en"])
P("bram_smit", "Bram Smit", "ams", ENG, "ABAP developer",
  "ABAP developer. Reports, interfaces, and the odd enhancement nobody else wants to touch.",
  ["abap", "sap"],
  ["Wrote a small program that reconciles the migrated open purchase orders against the legacy system. "
   "12 differences, all rounding.",
   "Lunch met het migratieteam: volgende week de generale repetitie van de cutover.",
   "Validatierapport voor de gemigreerde voorraad staat klaar: per magazijn, per artikel, oud tegen nieuw."])

A("en", "Who knows SAP data migration? We need to load 20k open sales orders into S/4 and I have no idea "
  "where to start. Need help by Friday.", ["wouter_dekker", "bram_smit"], ["sap"])
A("nl", "Wie kan helpen met het opschonen van klantgegevens voordat ze naar het nieuwe ERP gaan? Veel dubbele "
  "adressen en ontbrekende postcodes.", ["wouter_dekker"])
A("it", "Devo capire come si blocca un centro di costo in SAP senza rovinare i report di fine mese. Chi se ne "
  "intende di controlling?", ["budi_santoso"])
A("id", "Siapa yang ngerti SuccessFactors? Mau nambah field tunjangan di data karyawan.", ["giulia_rossi"])
A("ru", "Нужен человек, который после переноса в S/4HANA сверит открытые заказы поставщикам со старой "
  "системой.", ["bram_smit", "wouter_dekker"])
A("en", "Warehouse team in Tashkent: how do we run a cycle count in EWM on the night shift? Looking for "
  "whoever trained them.", ["olga_popova"])
A("nl", "In het HR-systeem staat de verkeerde leidinggevende bij mijn nieuwe medewerker. Wie past dat aan?",
  ["giulia_rossi"])
A("ru", "Как в SAP перенести затраты с одного места возникновения затрат на другое задним числом? Кто у нас "
  "по контроллингу?", ["budi_santoso"])

# --- Payroll -------------------------------------------------------------------------------
P("esther_dijkstra", "Esther Dijkstra", "ams", FIN, "Payroll specialist",
  "Payroll specialist for our Dutch entities. Payslips, wage tax returns and the yearly statements.",
  ["payroll", "wage-tax", "netherlands"],
  ["Reminder: the January payslip uses the new wage tax tables, so your net pay may change a little even if "
   "your gross salary doesn't. Questions → me.",
   "Holiday allowance (8%) goes out with the May salary as usual.",
   "Jaaropgaven staan vanaf vandaag in het portaal.",
   "Moving between our countries mid-year? Tell payroll in both places before you go, not after."])
P("siti_rahmawati", "Siti Rahmawati", "jkt", FIN, "Payroll & benefits officer",
  "Payroll Indonesia: gaji, PPh 21, BPJS dan THR. Kalau slip gaji ada yang aneh, kabari saya.",
  ["payroll", "pph21", "bpjs"],
  ["THR tahun ini dibayar paling lambat H-7 Lebaran ya, teman-teman.",
   "Mulai Januari perhitungan PPh 21 pakai tarif efektif rata-rata (TER). Potongan per bulan bisa beda, tapi "
   "total setahun sama.",
   "Kartu BPJS Kesehatan untuk karyawan baru bulan ini sudah bisa diambil di HR."],
  langs=["id", "en", "jv"])
P("federica_costa", "Federica Costa", "bol", PPL, "Amministrazione del personale",
  "Amministrazione del personale per le sedi italiane: cedolini, presenze, TFR e rapporti con il consulente "
  "del lavoro.",
  ["payroll", "hr-administration", "ccnl"],
  ["I cedolini di dicembre includono la tredicesima. Se vedete differenze sulle trattenute IRPEF, scrivetemi.",
   "Anticipo del TFR: le richieste vanno presentate entro il 15 del mese.",
   "Nuovo sistema presenze: le ferie si chiedono dall'app, non più via email."])
P("dana_zhakupova", "Дана Жакупова", "ala", FIN, "Бухгалтер по заработной плате",
  "Бухгалтер по заработной плате в Алматы: ИПН, пенсионные взносы, отчётность.",
  ["payroll", "accounting", "kazakhstan"],
  ["С января меняются ставки пенсионных взносов работодателя. Расчётные листы за январь будут с пояснением.",
   "Справки о доходах для визы можно заказать у меня, срок — 2 рабочих дня."],
  langs=["ru", "kk", "en"])

A("nl", "Mijn loonstrook van januari is ineens lager terwijl mijn salaris hetzelfde is gebleven. Bij wie moet "
  "ik zijn?", ["esther_dijkstra"])
A("id", "Potongan pajak di slip gaji bulan ini kok beda dari bulan lalu? Gaji pokok sama.", ["siti_rahmawati"])
A("it", "Nel cedolino di dicembre la tredicesima è più bassa del previsto. A chi posso chiedere?",
  ["federica_costa"])
A("ru", "Кто в Алматы отвечает за расчёт зарплаты? Хочу понять, как считаются пенсионные взносы.",
  ["dana_zhakupova"])
A("en", "I moved from Jakarta to Amsterdam in July. Who can explain how my salary and tax are handled in both "
  "countries this year?", ["esther_dijkstra", "siti_rahmawati"])
A("en", "When is the holiday allowance paid in the Netherlands, and is it taxed differently?",
  ["esther_dijkstra"])
A("id", "Kapan THR dibayar tahun ini? Saya karyawan baru, masih masa percobaan.", ["siti_rahmawati"])
A("ru", "Нужна справка о доходах для посольства, срочно. К кому обратиться в Алматы?", ["dana_zhakupova"])

# --- Tax ---------------------------------------------------------------------------------
P("ruben_de_boer", "Ruben de Boer", "ams", FIN, "Tax manager",
  "Tax manager. Vennootschapsbelasting, transfer pricing en alles wat op groepsniveau met de Belastingdienst "
  "te maken heeft.",
  ["corporate-tax", "transfer-pricing"],
  ["Transfer pricing-documentatie over 2025 ingeleverd. Local files voor Indonesië en Italië volgen.",
   "Intercompany service fees: please use the new cost-plus template, the old one still had last year's markup.",
   "Fiscale eenheid herzien na de overname in Rotterdam. Geen impact op de dagelijkse boekhouding."])
P("francesca_romano", "Francesca Romano", "mil", FIN, "VAT specialist",
  "Seguo l'IVA di gruppo e la fatturazione elettronica (SDI). Le aliquote sono il mio pane quotidiano.",
  ["vat", "e-invoicing", "indirect-tax"],
  ["Scarti SDI in calo: il problema era il codice destinatario mancante per i clienti esteri.",
   "Intra-EU sales to consumers: once we cross the €10k threshold, OSS applies. Talk to me before launching "
   "the webshop in Belgium.",
   "Liquidazione IVA trimestrale inviata. Grazie alla contabilità fornitori per i documenti puntuali."],
  langs=["it", "en", "fr"])
P("ratna_sari", "Ratna Sari", "jkt", FIN, "Tax officer",
  "Ngurus pajak perusahaan di Indonesia: PPN, e-Faktur, dan pemeriksaan pajak.",
  ["tax", "ppn", "e-faktur"],
  ["Faktur pajak pengganti sekarang harus lewat Coretax. Panduan singkatnya saya taruh di drive finance.",
   "Pemeriksaan pajak tahun 2023 selesai tanpa koreksi besar. Terima kasih tim akuntansi!"])

A("en", "We want to charge our Italian entity for IT services done in Amsterdam. What markup do we use and who "
  "signs off?", ["ruben_de_boer"])
A("it", "Le fatture verso un cliente tedesco vengono scartate dallo SDI. Qualcuno sa perché?",
  ["francesca_romano"])
A("nl", "We gaan via de webshop aan particulieren in België en Frankrijk verkopen. Moeten we daar btw afdragen? "
  "Wie weet dit?", ["francesca_romano"])
A("id", "Klien minta faktur pajak diganti karena NPWP-nya salah. Caranya gimana sekarang?", ["ratna_sari"])
A("ru", "Как правильно выставлять счёт за услуги между нашими компаниями в разных странах, чтобы не было "
  "проблем с налоговой?", ["ruben_de_boer", "francesca_romano"])

# --- Payables, treasury, expenses ---------------------------------------------------------------
P("maartje_bos", "Maartje Bos", "rtm", FIN, "Accounts payable lead",
  "Accounts payable lead. Supplier invoices, payment runs and the eternal search for missing purchase order "
  "numbers.",
  ["accounts-payable", "procure-to-pay"],
  ["Betaalrun van donderdag is verschoven naar vrijdag vanwege de feestdag.",
   "From next month, invoices without a PO number go back to the supplier automatically.",
   "Facturen die vastzitten in de goedkeuring staan nu in één overzicht. Managers: kijk er even naar."])
P("lorenzo_santoro", "Lorenzo Santoro", "mil", FIN, "Treasury analyst",
  "Tesoreria di gruppo: cash pooling, coperture sul cambio e garanzie bancarie.",
  ["treasury", "fx-hedging", "cash-management"],
  ["EUR/IDR forward contracts for Q1 are booked. If your budget assumes a different rate, ping me.",
   "Nuova garanzia bancaria per la gara di Torino emessa in tre giorni. Record!",
   "Il cash pooling ora include anche la società kazaka: meno conti in giro, interessi migliori."])
P("indah_permatasari", "Indah Permatasari", "jkt", FIN, "Finance officer",
  "Finance officer: reimbursement, kartu kredit korporat, dan perjalanan dinas.",
  ["expenses", "corporate-cards", "travel"],
  ["Klaim reimbursement bulan ini ditutup tanggal 25. Jangan lupa lampirkan struk asli ya.",
   "Limit kartu kredit korporat untuk perjalanan dinas bisa dinaikkan sementara, ajukan ke saya seminggu "
   "sebelumnya."])

A("en", "A supplier keeps chasing us about an unpaid invoice from September. Who can check where it's stuck?",
  ["maartje_bos"])
A("ru", "Нам нужно застраховаться от скачка курса рупии к евро по контракту на полгода. С кем поговорить?",
  ["lorenzo_santoro"])
A("it", "Per partecipare a una gara pubblica ci chiedono una fideiussione bancaria entro due settimane. Chi la "
  "gestisce?", ["lorenzo_santoro"])
A("id", "Kartu kredit kantor saya ditolak pas bayar hotel dinas. Harus lapor ke siapa?", ["indah_permatasari"])
A("nl", "Een leverancier zegt dat hij al drie maanden niet betaald is, maar ik zie de factuur nergens. Wie kan "
  "in het systeem kijken?", ["maartje_bos"])
A("en", "I'm travelling to Surabaya for three weeks. Can my company card limit be raised for the trip?",
  ["indah_permatasari"])

# --- Group reporting and planning ---------------------------------------------------------------
P("stefano_lombardi", "Stefano Lombardi", "mil", FIN, "Group reporting manager",
  "Group reporting and consolidation. IFRS 16 leases, intercompany eliminations, auditor questions.",
  ["ifrs", "consolidation", "group-reporting"],
  ["Chiusura annuale: il revisore ha approvato il calcolo IFRS 16 dei contratti di affitto dei magazzini.",
   "If you sign a new warehouse lease, send me the contract. It goes on the balance sheet now.",
   "Riconciliazioni intercompany di novembre: tre differenze su cambi, risolte."])
P("yulia_fedorova", "Юлия Федорова", "ala", FIN, "FP&A analyst",
  "Финансовый аналитик: бюджет, прогнозы, анализ отклонений для Центральной Азии.",
  ["fp-and-a", "budgeting", "forecasting"],
  ["Бюджет на 2026 год для Казахстана и Узбекистана сдан. Спасибо всем, кто прислал цифры вовремя.",
   "Шаблон бюджета для руководителей офисов упростили: 4 вкладки вместо 11."],
  langs=["ru", "en"])

A("nl", "We huren een nieuw magazijn in Tilburg voor tien jaar. Hoe komt dat op de balans? Wie weet hoe dat "
  "zit?", ["stefano_lombardi"])
A("ru", "Как учитывать долгосрочную аренду склада по МСФО? Аудитор задаёт вопросы.", ["stefano_lombardi"])
A("en", "Who can help me build next year's budget for the Almaty office? First time doing it.",
  ["yulia_fedorova"])
A("it", "Il budget dell'ufficio di Tashkent: c'è un modello da seguire e qualcuno che lo conosce?",
  ["yulia_fedorova"])

# --- Employment law (and not tax law) ------------------------------------------------------------
P("hanneke_jacobs", "Hanneke Jacobs", "ams", LEG, "Arbeidsrechtjurist",
  "Arbeidsrechtjurist. Ontslag, vaststellingsovereenkomsten, langdurig zieke werknemers en flexcontracten.",
  ["employment-law", "labour-law"],
  ["Nieuwe template voor de vaststellingsovereenkomst staat in het juridische portaal. Gebruik alsjeblieft "
   "niet meer die van 2021.",
   "Managers: before you talk to an employee about ending their contract, talk to me. It saves everyone a lot "
   "of pain.",
   "Na twee jaar ziekte ontslaan kan, maar alleen als het re-integratiedossier op orde is. Begin dus op tijd."])
P("matteo_bruno", "Matteo Bruno", "mil", LEG, "Legal counsel",
  "Avvocato interno, diritto del lavoro italiano. Contratti collettivi, rapporti con i sindacati e contenzioso.",
  ["labour-law", "italy", "collective-agreements"],
  ["Rinnovato il contratto integrativo con i sindacati di Bologna. Novità su turni e buoni pasto.",
   "Contratti a termine: dopo 12 mesi serve una causale. Prima di rinnovare, chiedete.",
   "Trasferimenti tra sedi: il CCNL del commercio ha regole precise, non basta una mail."])
P("irina_vasilyeva", "Ирина Васильева", "tas", LEG, "Юрист",
  "Юрист по трудовому праву: трудовые договоры, увольнения, проверки инспекции труда в Казахстане и "
  "Узбекистане.",
  ["labour-law", "contracts"],
  ["Обновили шаблон трудового договора под новый Трудовой кодекс Узбекистана.",
   "Напоминание руководителям: увольнение по соглашению сторон оформляем только через юриста."],
  langs=["ru", "uz", "en"])
P("yohanes_simanjuntak", "Yohanes Simanjuntak", "jkt", LEG, "Legal counsel",
  "Legal counsel Indonesia. Banyak ngurus kontrak kerja PKWT/PKWTT, pesangon, dan perjanjian dengan vendor.",
  ["legal", "contracts", "employment-law"],
  ["Sosialisasi aturan PKWT terbaru buat tim HR Surabaya hari ini. Slide ada di drive legal.",
   "Perhitungan pesangon sesuai PP 35/2021 sudah saya masukkan ke template HR. Jangan hitung manual lagi."],
  langs=["id", "en"])

A("en", "I need to let someone in my team go after a long sick leave in the Netherlands. What are the rules? "
  "Who can advise?", ["hanneke_jacobs"])
A("nl", "Een medewerker wil met een regeling vertrekken. Wie kan de vaststellingsovereenkomst nakijken?",
  ["hanneke_jacobs"])
A("it", "Posso spostare un dipendente da Bologna a Milano senza il suo consenso? Cosa dice il contratto "
  "collettivo?", ["matteo_bruno"])
A("ru", "Сотрудник в Ташкенте хочет уволиться без отработки. Можно ли так и как это оформить?",
  ["irina_vasilyeva"])
A("id", "Ada yang paham hukum ketenagakerjaan Italia? Tim saya mau rekrut orang di Milan dengan kontrak "
  "sementara.", ["matteo_bruno"])
A("id", "Kontrak karyawan gudang yang PKWT sudah diperpanjang dua kali. Boleh diperpanjang lagi nggak?",
  ["yohanes_simanjuntak"])
A("en", "How is severance calculated for a warehouse worker in Indonesia whose contract we end early?",
  ["yohanes_simanjuntak"])
A("nl", "Mag ik een tijdelijk contract in Italië gewoon verlengen, of gelden daar andere regels dan hier?",
  ["matteo_bruno"])

# --- Moving people between countries ---------------------------------------------------------------
P("yasmina_el_amrani", "Yasmina El Amrani", "ams", PPL, "Global mobility advisor",
  "Global mobility: work permits, the Dutch highly skilled migrant route, relocation to and from our offices.",
  ["global-mobility", "immigration", "relocation"],
  ["IND-afspraak voor onze nieuwe collega uit Jakarta geregeld, verblijfsvergunning binnen drie weken.",
   "30% ruling applications: send them in within four months of your start date, or you lose it.",
   "Verhuisbudget voor internationale collega's is aangepast. Nieuwe richtlijn staat op het intranet."],
  langs=["nl", "en", "fr", "ar"])
P("dewi_lestari", "Dewi Lestari", "jkt", PPL, "HR generalist",
  "HR generalist di kantor Jakarta. Onboarding, administrasi karyawan, dan segala urusan yang nggak jelas "
  "harus ke mana.",
  ["hr", "onboarding"],
  ["KITAS dan izin kerja buat rekan dari Milan akhirnya keluar. Prosesnya 6 minggu, lumayan.",
   "If you're coming to Jakarta for more than a business trip, talk to me early — work permits take a while "
   "here.",
   "Welcome pack buat karyawan baru sudah diperbarui, sekarang ada peta kantor dan daftar warung terdekat."])

A("it", "Mi trasferisco ad Amsterdam a marzo. Chi segue il permesso di lavoro e la pratica con l'IND?",
  ["yasmina_el_amrani"])
A("ru", "Кто помогает с рабочей визой в Индонезию? Меня отправляют в Джакарту на полгода.", ["dewi_lestari"])
A("en", "Is there anyone who knows how the 30% tax ruling works for new hires coming from abroad?",
  ["yasmina_el_amrani", "esther_dijkstra"])
A("id", "Teman saya dari Almaty mau kerja di kantor Jakarta, urus izin tinggal dan izin kerjanya ke siapa ya?",
  ["dewi_lestari"])
A("nl", "Onze nieuwe data scientist komt uit Kazachstan. Wie regelt de verblijfsvergunning en verhuizing?",
  ["yasmina_el_amrani"])

# --- People: hiring, learning, pensions, wellbeing -------------------------------------------------
P("koen_hendriks", "Koen Hendriks", "ams", PPL, "Tech recruiter",
  "Tech recruiter. I hire engineers and data people for Amsterdam and remote.",
  ["recruitment", "sourcing", "employer-branding"],
  ["Referral bonus for engineering roles is now €2,000. Know a good SRE? Send them my way.",
   "Vacature voor een senior data engineer staat online. Deel hem gerust in je netwerk.",
   "We now answer every engineering applicant within five working days. Even the 'no' gets a reason."])
P("putri_wulandari", "Putri Ayu Wulandari", "sub", PPL, "Learning & development specialist",
  "Ngurus pelatihan dan LMS perusahaan. Bikin modul e-learning untuk tim gudang dan sopir.",
  ["learning-and-development", "lms", "e-learning"],
  ["Modul e-learning keselamatan forklift sudah tayang di LMS, ada versi Bahasa Jawa juga lho.",
   "Completion rate for the driver onboarding course went from 54% to 88% after we cut it into 5-minute videos.",
   "Bisa bikin kursus online sendiri di LMS kita, nggak perlu vendor. Saya ajarin caranya."],
  langs=["id", "jv", "en"])
P("ilse_de_graaf", "Ilse de Graaf", "ams", PPL, "Adviseur arbeidsvoorwaarden",
  "Adviseur arbeidsvoorwaarden: pensioen, verzekeringen en de fietsregeling.",
  ["benefits", "pensions"],
  ["Informatiesessie over de overgang naar het nieuwe pensioenstelsel: donderdag 14:00, Teams-link in de agenda.",
   "De fietsregeling is verlengd. Ook e-bikes tot €3.000 vallen eronder.",
   "Wat er met je opgebouwde pensioen gebeurt bij de overstap? Ik heb een rekenvoorbeeld gemaakt, vraag maar."])
P("silvia_fontana", "Silvia Fontana", "bol", PPL, "HR business partner",
  "HR business partner per le operations in Italia. Valutazioni annuali, sviluppo dei responsabili e benessere "
  "delle persone.",
  ["hr-business-partner", "performance-management", "wellbeing"],
  ["Abbiamo lanciato lo sportello di supporto psicologico anonimo per tutte le sedi italiane.",
   "Calibration sessions for the annual reviews start next week. Managers, please have your ratings in by "
   "Friday.",
   "Dopo il picco di dicembre: se qualcuno del vostro team è allo stremo, parliamone. Ci sono strumenti."])
P("aigerim_bekova", "Айгерим Бекова", "ala", PPL, "HR менеджер",
  "HR-менеджер офиса в Алматы: подбор, адаптация новичков, корпоративная культура.",
  ["recruitment", "onboarding", "hr"],
  ["Набираем кладовщиков и водителей погрузчика на новый склад под Алматы, 12 позиций. Рекомендации "
   "приветствуются!",
   "Провели день адаптации для новичков: экскурсия по складу, обед и знакомство с руководителями."],
  langs=["ru", "kk", "en"])

A("nl", "Wat gebeurt er met mijn opgebouwde pensioen als de nieuwe regeling ingaat? Wie kan dat uitleggen?",
  ["ilse_de_graaf"])
A("en", "My team is exhausted after peak season in Bologna and one person is close to burning out. Who in HR "
  "can help me with this?", ["silvia_fontana"])
A("it", "Ci serve un corso di formazione online per i nuovi autisti. Qualcuno ha esperienza con la nostra "
  "piattaforma e-learning?", ["putri_wulandari"])
A("ru", "Ищу кладовщиков и водителей погрузчика на новый склад. Кто в HR занимается подбором в Алматы?",
  ["aigerim_bekova"])
A("nl", "Ik ken een goede SRE die bij ons wil werken. Hoe werkt het aandragen en krijg ik daar iets voor?",
  ["koen_hendriks"])
A("en", "Can I lease an e-bike through work in the Netherlands? Who knows the details?",
  ["ilse_de_graaf", "lars_van_den_heuvel"])
A("id", "Mau bikin kursus online singkat buat tim gudang tentang prosedur retur. Ada yang bisa ajarin pakai LMS?",
  ["putri_wulandari"])
A("ru", "Как проходит ежегодная оценка сотрудников в итальянских офисах? Нужно понять процесс калибровки.",
  ["silvia_fontana"])

# --- Privacy ----------------------------------------------------------------------------------
P("merel_vermeulen", "Merel Vermeulen", "ams", LEG, "Privacy officer",
  "Privacy officer (FG). AVG, verwerkersovereenkomsten en DPIA's. Ik denk graag vroeg mee, niet pas als het "
  "al live staat.",
  ["gdpr", "privacy", "data-protection"],
  ["Reminder: nieuwe SaaS-tool met klantgegevens? Eerst een verwerkersovereenkomst, dan pas de proefperiode.",
   "Data breach drill went well. We'd have notified the authority within 40 hours; the legal limit is 72.",
   "Camera's in het magazijn: dat kan, maar niet zonder DPIA en duidelijke borden. Ik help je er graag mee."])
P("intan_purnamasari", "Intan Purnamasari", "jkt", LEG, "Compliance officer",
  "Compliance officer. Fokus ke pelindungan data pribadi (UU PDP) dan kebijakan internal.",
  ["compliance", "data-privacy", "indonesia"],
  ["Sosialisasi UU PDP ke tim customer service: data pelanggan tidak boleh dikirim lewat WhatsApp pribadi.",
   "Kebijakan retensi data karyawan sudah disetujui direksi. Berlaku mulai bulan depan."])
P("nikolai_morozov", "Николай Морозов", "ala", LEG, "Legal counsel",
  "Юрист: персональные данные, локализация данных в Казахстане, договоры с IT-поставщиками.",
  ["legal", "personal-data", "it-contracts"],
  ["Напоминаю: персональные данные клиентов из Казахстана должны храниться на серверах в стране. Перед "
   "запуском нового сервиса — ко мне.",
   "Согласовали договор с облачным провайдером: условия по локализации данных и аудиту теперь в порядке."],
  langs=["ru", "kk", "en"])

A("en", "We want to try a new survey tool and upload our customer list to it. Do we need some agreement with "
  "the vendor first?", ["merel_vermeulen"])
A("id", "Tim CS masih sering kirim data pelanggan lewat WA pribadi. Ada aturan resminya nggak? Siapa yang bisa "
  "jelasin?", ["intan_purnamasari"])
A("ru", "Хотим хранить данные клиентов из Казахстана в облаке во Франкфурте. Это законно?", ["nikolai_morozov"])
A("it", "Abbiamo mandato per errore un file con i dati dei clienti al fornitore sbagliato. Cosa dobbiamo fare e "
  "entro quando?", ["merel_vermeulen"])
A("nl", "Moeten we een DPIA doen voor camera's in het magazijn?", ["merel_vermeulen"])
A("en", "How long are we allowed to keep personal files of employees who left the Jakarta office?",
  ["intan_purnamasari"])

# --- Contracts, trademarks, trade compliance, customs --------------------------------------------
P("thijs_vos", "Thijs Vos", "ams", LEG, "Commercial counsel",
  "Commercial counsel: customer and supplier contracts, NDAs, liability caps.",
  ["contracts", "commercial-law"],
  ["New NDA template: one page, mutual. Use it and you won't need me for most NDAs.",
   "Contractonderhandeling met de supermarktketen na vier rondes rond. Aansprakelijkheid eindelijk gemaximeerd.",
   "Klanten die 'onbeperkte aansprakelijkheid' willen: niet zomaar akkoord geven, eerst even bellen."])
P("beatrice_galli", "Beatrice Galli", "mil", LEG, "IP counsel",
  "Proprietà intellettuale: marchi, domini e nomi di prodotto. Registriamo prima di stampare le etichette, "
  "per favore.",
  ["trademarks", "intellectual-property"],
  ["Il marchio della nuova linea di spezie è registrato anche in Indonesia. Ci sono voluti 14 mesi.",
   "Before you fall in love with a product name, send it to me. A clearance search takes two days.",
   "Opposizione vinta contro un marchio troppo simile al nostro in Spagna."])
P("lukas_weber", "Lukas Weber", "lon", LEG, "Trade compliance manager",
  "Trade compliance: sanctions screening, export controls, and making sure we know who we ship to.",
  ["export-control", "sanctions", "trade-compliance"],
  ["Reminder: every new customer in Central Asia goes through sanctions screening, including their owners. It "
   "takes a day, plan for it.",
   "Updated the list of goods we cannot ship to certain destinations without a licence. Refrigeration "
   "compressors are on it.",
   "Dual-use classification of our cold-room controllers is done: not listed, but screening still applies."],
  langs=["en", "de"])
P("yerlan_tulegenov", "Ерлан Тулегенов", "ala", OPS, "Таможенный брокер",
  "Таможенное оформление в ЕАЭС: декларации, коды ТН ВЭД, сертификаты происхождения.",
  ["customs", "hs-codes", "eaeu"],
  ["Поставку специй из Индонезии растаможили за два дня: помог правильный сертификат происхождения.",
   "Напоминание: для ввоза оборудования в Казахстан нужен сертификат ЕАЭС. Заказывайте заранее."],
  langs=["ru", "kk", "en"])

A("nl", "Een klant wil een geheimhoudingsverklaring voordat we een offerte sturen. Hebben we een standaard?",
  ["thijs_vos"])
A("it", "Vorremmo chiamare il nuovo prodotto 'Kora'. Come verifichiamo se il nome è libero e lo registriamo?",
  ["beatrice_galli"])
A("en", "Can we sell spare compressors to a distributor in Kyrgyzstan, or are there sanctions issues?",
  ["lukas_weber"])
A("ru", "Какой код ТН ВЭД ставить на сушёные специи в мешках? Партия застряла на границе.",
  ["yerlan_tulegenov"])
A("id", "Customer besar minta batas tanggung jawab di kontrak dihapus. Siapa yang bisa bantu negosiasi klausul "
  "ini?", ["thijs_vos"])
A("ru", "Новый клиент в Бишкеке — нужно ли его проверять по санкционным спискам и кто это делает?",
  ["lukas_weber"])
A("nl", "Iemand in Spanje gebruikt een merknaam die erg op de onze lijkt. Wie kan daar iets tegen doen?",
  ["beatrice_galli"])
A("en", "We're importing a cold-room unit into Kazakhstan. Which certificates does customs need?",
  ["yerlan_tulegenov"])

# --- Sales: retail, public tenders, CRM, pricing ------------------------------------------------
P("jeroen_de_wit", "Jeroen de Wit", "ams", SAL, "Key accountmanager retail",
  "Key accountmanager voor de grote supermarktketens. Jaargesprekken, promoties en schapruimte.",
  ["key-account-management", "retail", "negotiation"],
  ["Jaarafspraken met onze grootste klant rond: meer schapruimte voor de kruidenlijn in 2026.",
   "Promotiekalender Q2 met de supermarkten afgestemd. Paasactie op de bakmixen.",
   "Category review at the big chain: they want fewer SKUs and more private label. Interesting times."])
P("sander_van_der_meer", "Sander van der Meer", "utr", SAL, "Bid manager",
  "Bid manager for public sector tenders. Deadlines, compliance matrices and too many PDFs.",
  ["tenders", "bid-management", "public-sector"],
  ["Inschrijving voor de aanbesteding catering van een gemeente ingediend, twee uur voor de deadline.",
   "Lesson from the tender we lost: read the award criteria first, write second.",
   "Uniform Europees Aanbestedingsdocument ingevuld voor drie percelen. Hergebruik scheelt enorm."])
P("fabio_ferrara", "Fabio Ferrara", "bol", SAL, "Responsabile gare",
  "Seguo le gare d'appalto pubbliche in Italia: MEPA, capitolati e documentazione amministrativa.",
  ["public-procurement", "tenders", "italy"],
  ["Aggiudicata la gara per la fornitura alle mense scolastiche di Modena!",
   "Abilitazione MEPA rinnovata per altre due categorie merceologiche."])
P("andi_saputra", "Andi Saputra", "jkt", SAL, "Government sales executive",
  "Sales untuk instansi pemerintah dan BUMN. Pengalaman di LPSE dan e-Katalog LKPP.",
  ["government-sales", "e-procurement"],
  ["Produk kita sudah tayang di e-Katalog. Sekarang instansi bisa pesan langsung tanpa lelang.",
   "Menang tender pengadaan bumbu untuk dapur umum di Jawa Timur. Kerja tim yang keren!"])
P("tom_hughes", "Tom Hughes", "lon", SAL, "Salesforce administrator",
  "Salesforce admin. Reports, permission sets, and the occasional Flow that saves you an hour a week.",
  ["salesforce", "crm"],
  ["New Flow: opportunities above €100k now notify the finance team automatically.",
   "Please stop creating duplicate accounts. There's a 'find existing' button. I'm begging.",
   "Handing over accounts to a colleague? Ask me and I'll move the opportunities and the sharing in one go."])
P("ruslan_ibragimov", "Руслан Ибрагимов", "ala", SAL, "Pricing analyst",
  "Аналитик по ценообразованию: прайс-листы, скидки, маржа по клиентам.",
  ["pricing", "margin-analysis"],
  ["Обновили прайс для дистрибьюторов в Казахстане с учётом курса тенге.",
   "Discount approval matrix updated: anything above 15% needs the country director.",
   "Маржа по ключевым клиентам за квартал: отчёт отправил руководителям продаж."],
  langs=["ru", "kk", "en"])

A("en", "A municipality in Gelderland published a tender for canteen supplies. Has anyone here done Dutch "
  "public tenders before?", ["sander_van_der_meer"])
A("it", "Siamo invitati a una gara su MEPA per la prima volta. Chi conosce la procedura?", ["fabio_ferrara"])
A("id", "Dinas kesehatan provinsi mau beli produk kita tapi harus lewat sistem pengadaan pemerintah. Siapa yang "
  "pernah ngurus?", ["andi_saputra"])
A("nl", "Ik zie in de CRM de verkoopkansen van mijn collega niet, terwijl ik zijn klanten moet overnemen. Wie kan "
  "mijn rechten aanpassen?", ["tom_hughes"])
A("ru", "Как в Salesforce сделать отчёт по сделкам за квартал в разрезе стран? Никак не соображу.",
  ["tom_hughes"])
A("en", "Our biggest supermarket customer wants to renegotiate shelf space for next year. Who has handled "
  "their annual talks?", ["jeroen_de_wit"])
A("en", "What discount can I give a distributor without approval? Who owns the discount rules?",
  ["ruslan_ibragimov"])
A("it", "Devo fare un'offerta a un distributore in Kazakistan. Esiste un listino in tenge e chi lo aggiorna?",
  ["ruslan_ibragimov"])
A("ru", "Кто-нибудь участвовал в государственных закупках в Италии? Клиент из Болоньи предлагает вместе подать "
  "заявку.", ["fabio_ferrara"])
A("nl", "De supermarkt vraagt om een paasactie op onze bakmixen. Wie stemt de promotiekalender met hen af?",
  ["jeroen_de_wit"])

# --- Marketing ------------------------------------------------------------------------------
P("floor_van_der_veen", "Floor van der Veen", "ams", MKT, "SEO specialist",
  "SEO and content for our websites in five languages. Keywords, site structure, and arguing with developers "
  "about redirects.",
  ["seo", "content-marketing", "google-search-console"],
  ["Na de migratie van de website verloren we 30% verkeer. Oorzaak: 400 ontbrekende redirects. Nu hersteld.",
   "Hreflang tags fixed: the Italian pages no longer compete with the Dutch ones in Google.",
   "Nieuwe productpagina's? Stuur me de teksten vóór publicatie, dan kijk ik even naar titels en zoekwoorden."])
P("maya_anggraini", "Maya Anggraini", "jkt", MKT, "Social media specialist",
  "Ngurus iklan berbayar di Meta dan TikTok buat pasar Indonesia. Data dulu, baru kreatif.",
  ["paid-social", "meta-ads", "tiktok-ads"],
  ["Kampanye Ramadan di TikTok: biaya per klik turun 40% setelah ganti video pakai creator lokal.",
   "Lookalike audiences from our B2B customer list work surprisingly well on Meta for restaurant owners."])
P("alessia_caruso", "Alessia Caruso", "mil", MKT, "Event manager",
  "Organizzo fiere ed eventi: Cibus, SIAL, Anuga. Stand, logistica, inviti ai clienti.",
  ["events", "trade-fairs"],
  ["Lo stand per SIAL Parigi è confermato: 48 m², padiglione 5. Chi vuole venire me lo dica entro venerdì.",
   "Lessons from Anuga: ship the samples two weeks earlier. Customs in Cologne was slow.",
   "Prenotati gli spazi per Cibus a Parma. Cerchiamo volontari per lo showcooking!"],
  langs=["it", "en", "fr"])
P("ekaterina_lebedeva", "Екатерина Лебедева", "beg", MKT, "Localization manager",
  "Руководитель локализации: переводы сайта, упаковки и приложений на семь языков.",
  ["localization", "translation", "memoq"],
  ["Добавили узбекский и казахский в память переводов. Тексты упаковки теперь переводятся за 2 дня, а не за "
   "неделю.",
   "Please don't machine-translate packaging text yourself. Send it to us; some legal terms must be exact.",
   "Глоссарий терминов по специям на 7 языках готов. Ссылка в канале маркетинга."],
  langs=["ru", "en", "sr"])
P("gabriele_rinaldi", "Gabriele Rinaldi", "bol", MKT, "Content creator",
  "Racconto Kestrel con immagini: prodotti, persone, clienti.",
  ["content", "storytelling"],
  ["Girato il tutorial per montare gli scaffali refrigerati: esce in 5 lingue con i sottotitoli.",
   "Montaggio finito del video intervista allo chef di Modena. Premiere Pro ha retto, io quasi.",
   "Behind the scenes: filming the pepper harvest piece with one drone and a lot of patience."])

A("nl", "Onze nieuwe productpagina's worden niet gevonden in Google. Wie kan kijken wat er mis is?",
  ["floor_van_der_veen"])
A("id", "Mau pasang iklan di TikTok buat produk bumbu baru, budget kecil. Siapa yang paham cara targetingnya?",
  ["maya_anggraini"])
A("en", "We're thinking of exhibiting at Gulfood in Dubai next year. Who has organised a trade fair stand before?",
  ["alessia_caruso"])
A("it", "Devo tradurre le etichette in kazako e uzbeko. A chi mi rivolgo?", ["ekaterina_lebedeva"])
A("ru", "Нужно снять короткое видео-инструкцию для клиентов, как собрать холодильную витрину. Кто это умеет?",
  ["gabriele_rinaldi"])
A("en", "Why do our Italian pages show up in Dutch Google results? Something with language tags?",
  ["floor_van_der_veen"])
A("id", "Ada yang bisa bikin video testimoni pelanggan yang bagus? Mau dipakai di pameran.",
  ["gabriele_rinaldi"])
A("nl", "Wie regelt de standruimte en de samples voor de beurs in Parijs?", ["alessia_caruso"])

# --- Operations and logistics ----------------------------------------------------------------------
P("bas_kuipers", "Bas Kuipers", "rtm", OPS, "Koudeketen-specialist",
  "Koudeketen-specialist in de haven. Reefers, dataloggers en uitzoeken waar het misging als een lading te "
  "warm aankomt.",
  ["cold-chain", "reefer", "temperature-monitoring"],
  ["Nieuwe dataloggers in alle reefers: temperatuur live te zien in het dashboard.",
   "Claim against the shipping line won: the logger data showed the reefer was unplugged for 9 hours at "
   "transshipment.",
   "Pre-trip inspecties van reefers weer aangescherpt na twee afwijkingen deze maand."])
P("agus_wibowo", "Agus Wibowo", "sub", OPS, "Kepala gudang",
  "Kepala gudang Surabaya. Tata letak gudang, slotting, dan target picking harian.",
  ["warehouse-management", "slotting", "lean"],
  ["Barang fast moving dipindah ke dekat pintu loading. Jarak jalan picker turun hampir separuh.",
   "We redid the rack layout in hall B using a year of pick data. Fewer steps, fewer collisions.",
   "Stock opname triwulan selesai, selisih cuma 0,3%. Mantap tim!"],
  langs=["id", "jv", "en"])
P("nur_aini", "Nur Aini", "jkt", OPS, "Customs & export officer",
  "Urusan kepabeanan impor-ekspor di Tanjung Priok: PIB, PEB, jalur merah.",
  ["customs", "export", "import"],
  ["Kontainer dari Rotterdam kena jalur merah lagi. Dokumen lengkap, cuma nunggu pemeriksaan fisik.",
   "Kalau HS code di invoice beda dengan di PIB, pasti ditahan. Cek dulu sama saya sebelum kirim dokumen."])
P("daan_de_groot", "Daan de Groot", "rtm", OPS, "Transportplanner",
  "Transportplanner. Routes, chauffeurs, rij- en rusttijden.",
  ["transport-planning", "route-optimisation"],
  ["Nieuwe routeplanning voor de Randstad: twee wagens minder nodig, zelfde aantal leveringen.",
   "Chauffeurs: de nieuwe tachograafregels gaan in augustus in. Ik plan er al rekening mee."])
P("roberto_barbieri", "Roberto Barbieri", "bol", OPS, "Consulente ADR",
  "Consulente ADR per il trasporto di merci pericolose. Etichette, documenti e formazione degli autisti.",
  ["adr", "dangerous-goods"],
  ["Corso ADR base per i nuovi autisti: 18 promossi su 18.",
   "Shipping anything with lithium batteries (even a returned handheld scanner)? Check with me first.",
   "Relazione annuale del consulente ADR consegnata."])
P("made_sudarsana", "Made Sudarsana", "jkt", OPS, "Freight forwarding coordinator",
  "Books ocean freight from Asia to Europe. Incoterms, bills of lading, demurrage fights.",
  ["ocean-freight", "incoterms", "forwarding"],
  ["Biaya demurrage di Rotterdam bulan ini turun karena kontainer diambil lebih cepat.",
   "FOB vs CIF isn't just a price question. It decides who pays when the container is damaged.",
   "Booked 40 reefers for the pepper season. Rates are up, space is tight."])
P("jasur_rakhimov", "Jasur Rakhimov", "tas", OPS, "Координатор логистики",
  "Координатор логистики: ж/д перевозки из Китая в Узбекистан, работа с экспедиторами.",
  ["rail-freight", "logistics"],
  ["Контейнеры из Сианя пришли в Ташкент за 11 дней. Быстрее, чем обещали.",
   "Сравнил трёх экспедиторов на маршруте Китай — Ташкент. Таблица с ценами в общей папке."],
  langs=["ru", "uz", "en"])

A("en", "A shipment of frozen shrimp arrived 2°C too warm and the customer rejected it. Who can read the "
  "logger data and help with the claim?", ["bas_kuipers"])
A("it", "Dobbiamo rispedire a Rotterdam degli scanner difettosi con batterie al litio. Ci sono regole "
  "particolari?", ["roberto_barbieri"])
A("nl", "Onze orderpickers lopen zich suf in het nieuwe magazijn. Wie heeft ervaring met het slim indelen van "
  "de locaties?", ["agus_wibowo"])
A("id", "Kontainer saya ditahan Bea Cukai karena HS code beda dengan invoice. Siapa yang bisa bantu?",
  ["nur_aini"])
A("ru", "Сколько идёт контейнер по железной дороге из Китая в Ташкент и с какими экспедиторами мы работаем?",
  ["jasur_rakhimov"])
A("en", "Customer wants CIF instead of FOB for the Jakarta shipments. What does that change for us?",
  ["made_sudarsana"])
A("nl", "Kunnen we met minder vrachtwagens toe in de regio Utrecht? Wie maakt de ritplanning?",
  ["daan_de_groot"])
A("ru", "Кто у нас разбирается в перевозке опасных грузов? Нужно отправить аэрозоли со склада.",
  ["roberto_barbieri"])
A("it", "Un container refrigerato è arrivato con la temperatura fuori range. Chi sa leggere i dati del "
  "registratore?", ["bas_kuipers"])
A("id", "Kontainer kita di Rotterdam kena biaya demurrage terus. Siapa yang ngatur booking kapal?",
  ["made_sudarsana"])
A("en", "Our new picking area in Surabaya is chaos. Who redesigned the rack layout in hall B?",
  ["agus_wibowo"])

# --- Food safety and quality -------------------------------------------------------------------
P("lina_marlina", "Lina Marlina", "sub", OPS, "QA supervisor",
  "QA supervisor pabrik bumbu Surabaya. HACCP, sertifikasi halal, dan audit pelanggan.",
  ["quality-assurance", "haccp", "halal"],
  ["Sertifikat halal BPJPH untuk 12 produk baru sudah terbit. Terima kasih tim R&D!",
   "Customer audit from a Malaysian retailer passed. They checked our halal supply chain line by line.",
   "Investigasi benda asing di kemasan sambal selesai: sumbernya saringan yang retak. Sudah diganti semua."])
P("davide_conti", "Davide Conti", "bol", OPS, "Responsabile sicurezza alimentare",
  "Responsabile sicurezza alimentare: audit IFS e BRCGS, allergeni, richiami di prodotto.",
  ["food-safety", "brcgs", "ifs", "allergens"],
  ["Audit IFS superato con punteggio higher level. Grazie a tutto lo stabilimento.",
   "Allergen labelling: 'may contain traces' is not a get-out-of-jail card. Talk to me before printing.",
   "Simulazione di richiamo prodotto: rintracciati tutti i lotti in 2 ore e 40 minuti."])

A("en", "We want to sell our spice mixes in Malaysia and they ask for halal certification. Who has gone through "
  "that process?", ["lina_marlina"])
A("it", "Un cliente chiede se la nostra salsa può contenere tracce di sesamo. Come dobbiamo indicarlo in "
  "etichetta?", ["davide_conti"])
A("nl", "Volgende maand komt er een BRC-audit bij de fabriek in Bologna. Wat moeten we voorbereiden?",
  ["davide_conti"])
A("ru", "Кто у нас занимается сертификатом халяль? Клиент в Казахстане требует документ.", ["lina_marlina"])
A("id", "Ada keluhan pelanggan soal benda asing di kemasan sambal. Prosedur penarikan produk kita gimana?",
  ["lina_marlina", "davide_conti"])
A("en", "How fast can we trace every lot if we have to recall a sauce? Who ran the last recall simulation?",
  ["davide_conti"])

# --- Customer support ------------------------------------------------------------------------
P("iris_peters", "Iris Peters", "ams", CS, "Support operations specialist",
  "Support ops: Zendesk triggers, macros, SLAs and the reports that go with them.",
  ["zendesk", "support-operations"],
  ["Nieuwe macro's voor retourvragen staan live, in vijf talen.",
   "SLA breach report now splits by channel. Chat is fine; email is where we lose time.",
   "Tijdens de staking bij de vervoerder stuurt Zendesk automatisch een bericht over vertraging mee."])
P("rina_siregar", "Rina Siregar", "jkt", CS, "Contact center lead",
  "Lead contact center Jakarta. Ngatur IVR, routing telepon, dan jadwal agen.",
  ["contact-center", "ivr", "workforce-management"],
  ["Menu IVR baru: pelanggan bisa cek status pengiriman tanpa bicara dengan agen.",
   "Callers in Central Asia now get the Russian-speaking queue first; average wait dropped to 40 seconds."],
  langs=["id", "en"])
P("valentina_de_luca", "Valentina De Luca", "mil", CS, "Coordinatrice resi e reclami",
  "Coordino resi e reclami per i clienti italiani. Se un reclamo si incastra, finisce da me.",
  ["returns", "complaints-handling"],
  ["Tempi di rimborso sui resi scesi a 5 giorni lavorativi.",
   "Un reclamo fermo da più di 10 giorni? Segnalatemelo, lo sblocco io con la contabilità."])

A("ru", "Клиенты жалуются, что в телефонном меню нельзя сразу попасть к оператору. Кто настраивает IVR?",
  ["rina_siregar"])
A("en", "Can someone set up an automatic reply in Zendesk for tickets about delivery delays during the strike?",
  ["iris_peters"])
A("it", "Un cliente aspetta il rimborso di un reso da un mese. Chi può sbloccarlo?", ["valentina_de_luca"])
A("nl", "We willen per kanaal weten hoeveel tickets we te laat beantwoorden. Wie heeft zo'n rapport?",
  ["iris_peters"])
A("id", "Antrian telepon pelanggan panjang banget tiap Senin pagi. Siapa yang ngatur jadwal agen dan routing?",
  ["rina_siregar"])
A("en", "An Italian customer says their refund for a return never arrived. Who handles escalations there?",
  ["valentina_de_luca"])

# --- Security ------------------------------------------------------------------------------
P("artem_orlov", "Артём Орлов", "beg", SEC, "Application security engineer",
  "AppSec. I break our own apps before someone else does: pentests, code review, threat modelling.",
  ["application-security", "penetration-testing", "owasp"],
  ["Провёл пентест нового клиентского портала: две IDOR-уязвимости, уже исправлены.",
   "Bug bounty: 3 valid reports this quarter, all in the legacy shipment API.",
   "Перед релизом любого внешнего API — приходите на threat modelling, это час, а не неделя."],
  langs=["ru", "en"])
P("aisha_bello", "Aisha Bello", "lon", SEC, "SOC analyst",
  "SOC analyst. Phishing reports, suspicious logins, and incident response when things go bang.",
  ["incident-response", "siem", "phishing"],
  ["Phishing test results: 11% clicked, down from 19%. Thanks for reporting suspicious mail, people!",
   "If you clicked a link and typed your password somewhere weird: report it. Nobody gets in trouble for "
   "reporting.",
   "Blocked a wave of fake invoice emails aimed at finance this morning. Check the sender before you pay."])
P("stijn_smits", "Stijn Smits", "ams", SEC, "Identity & access engineer",
  "Identity & access: single sign-on, MFA en wie waar bij mag.",
  ["iam", "sso", "entra-id", "okta"],
  ["SAML-koppeling met het nieuwe HR-systeem staat. Accounts worden nu automatisch aangemaakt via SCIM.",
   "Nieuwe SaaS-tool? Vraag eerst een SSO-koppeling aan, dan hoeft niemand nog een los wachtwoord te onthouden.",
   "MFA via number matching is now on for everyone. Push fatigue attacks: gone."])
P("ilaria_mariani", "Ilaria Mariani", "mil", SEC, "Responsabile sicurezza delle informazioni",
  "Responsabile del sistema di gestione della sicurezza delle informazioni: certificazione ISO 27001 e audit "
  "dei fornitori.",
  ["iso-27001", "isms", "risk-management"],
  ["Audit di sorveglianza ISO 27001 chiuso senza non conformità maggiori.",
   "Customer security questionnaires: I keep a library of standard answers. Don't start from scratch.",
   "Valutazione dei rischi dei fornitori cloud aggiornata per il 2026."],
  langs=["it", "en"])
P("teguh_firmansyah", "Teguh Firmansyah", "jkt", SEC, "Endpoint security engineer",
  "Ngurus laptop dan HP kantor: Intune, enkripsi, dan aplikasi yang boleh dipasang.",
  ["intune", "endpoint-management", "mdm"],
  ["Semua laptop kantor Jakarta sudah terenkripsi BitLocker. Yang belum, Intune bakal ngingetin terus 😄",
   "Company Portal is the only way to install software on work laptops now. Request anything missing there."])

A("id", "Aplikasi portal pelanggan mau go-live bulan depan. Siapa yang bisa lakukan audit keamanan aplikasi "
  "dulu?", ["artem_orlov"])
A("en", "I think I typed my password into a fake Microsoft login page ten minutes ago. What do I do, who do I "
  "call?", ["aisha_bello"])
A("nl", "We hebben een nieuwe SaaS-tool voor marketing. Kunnen we die aan de single sign-on hangen?",
  ["stijn_smits"])
A("it", "Un cliente ci chiede di compilare un questionario di sicurezza e vuole sapere se siamo certificati ISO "
  "27001. Chi risponde?", ["ilaria_mariani"])
A("ru", "Нужно проверить API на уязвимости, прежде чем отдадим его партнёрам. Кто у нас делает пентесты?",
  ["artem_orlov"])
A("id", "Laptop baru saya nggak bisa install aplikasi apa pun, katanya diblokir kebijakan perusahaan. Siapa yang "
  "ngatur?", ["teguh_firmansyah"])
A("en", "We got a vendor security questionnaire asking about our ISMS scope and last audit. Who can fill that in?",
  ["ilaria_mariani"])
A("it", "Ho ricevuto una fattura strana via email con un link per pagare. Come faccio a capire se è phishing?",
  ["aisha_bello"])
A("ru", "Новый сотрудник не может войти в систему: просит подтверждение MFA, а телефона ещё нет. Кто поможет?",
  ["stijn_smits"])

# --- Facilities ------------------------------------------------------------------------------
P("gijs_kok", "Gijs Kok", "ams", FAC, "Facility manager",
  "Facility manager Amsterdam. Gebouw, toegangspasjes, verhuizingen en de koffieautomaat.",
  ["facility-management", "office-moves"],
  ["De verhuizing naar de vierde verdieping is in het weekend van 7 maart. Verhuisdozen staan vanaf maandag "
   "klaar.",
   "Badge not working after the move? The readers on the 4th floor were reset; come by and I'll re-enrol it.",
   "Nieuwe koffiebonen in de automaat op 2. Reacties graag bij mij, niet bij de barista van beneden."])
P("martina_rizzo", "Martina Rizzo", "mil", FAC, "Coordinatrice servizi generali",
  "Coordino i servizi generali a Milano: mensa, pulizie, postazioni e manutenzione.",
  ["facilities", "vendor-management"],
  ["Da lunedì in mensa c'è anche un'opzione vegana ogni giorno.",
   "Sedie ergonomiche e supporti per monitor: fate richiesta a me, arrivano in circa due settimane.",
   "Manutenzione dell'aria condizionata al terzo piano giovedì mattina."])
P("wahyu_hidayat", "Wahyu Hidayat", "jkt", FAC, "Building & energy engineer",
  "Teknisi gedung dan energi: AC sentral, genset, dan panel surya di gudang Cikarang.",
  ["hvac", "energy-management", "maintenance"],
  ["Panel surya di atap gudang Cikarang sudah menutup 30% kebutuhan listrik siang hari.",
   "Genset cadangan dites tiap Jumat jam 7 pagi, jangan kaget kalau berisik.",
   "Server room cooling in Cikarang now has a second unit. One can fail without anyone noticing."])
P("lars_van_den_heuvel", "Lars van den Heuvel", "rtm", FAC, "Sustainability & mobility coordinator",
  "Mobility and sustainability: EV chargers, the bike scheme and our CO2 report.",
  ["sustainability", "mobility", "ev-charging"],
  ["Er zijn 12 extra laadpalen bij op het parkeerterrein in Rotterdam. Laadkosten worden via de pas verrekend.",
   "Our scope 1 and 2 emissions for 2025 are down 14%. Most of it: the solar roof in Cikarang and the electric "
   "vans.",
   "Klanten vragen steeds vaker om onze CO2-cijfers in aanbestedingen. Het rapport ligt klaar, vraag maar."])

A("en", "My access badge stopped working after the office move. Who handles badges in Amsterdam?", ["gijs_kok"])
A("it", "Posso avere una sedia ergonomica? Ho mal di schiena da settimane.", ["martina_rizzo"])
A("id", "AC di ruang server gudang mati lagi, suhu naik. Siapa teknisi yang pegang?", ["wahyu_hidayat"])
A("nl", "Ik krijg binnenkort een elektrische leaseauto. Kan ik op kantoor laden en hoe worden de kosten "
  "verrekend?", ["lars_van_den_heuvel"])
A("ru", "Нужны данные о выбросах CO2 нашей компании для тендера клиента. Кто готовит такой отчёт?",
  ["lars_van_den_heuvel"])
A("en", "The generator at the Cikarang warehouse makes a racket every Friday morning. Is that planned, and who "
  "looks after it?", ["wahyu_hidayat"])
A("ru", "Переезжаем на другой этаж в амстердамском офисе — кто организует переезд и коробки?", ["gijs_kok"])

# --- Product --------------------------------------------------------------------------------
P("hannah_becker", "Hannah Becker", "lon", PRD, "User researcher",
  "User researcher. Interviews, usability tests, and turning 40 hours of notes into three things we should "
  "change.",
  ["user-research", "usability-testing"],
  ["Ran 8 usability sessions with drivers in Surabaya (with a great interpreter). The photo step is the big "
   "pain point.",
   "Recruiting customers for interviews is easier than you think. Ask me for the consent form and the script."],
  langs=["en", "de"])
P("roos_van_den_berg", "Roos van den Berg", "ams", PRD, "Productmanager klantportaal",
  "Productmanager klantportaal. Roadmap, prioriteiten en veel praten met klanten.",
  ["product-management", "roadmap", "okrs"],
  ["Q1-roadmap van het klantportaal gedeeld: facturen downloaden en bezorgvensters kiezen staan bovenaan.",
   "Feature requests for the portal go into one board now. I read all of them, I promise."])
P("kadek_ayu", "Kadek Ayu", "jkt", PRD, "UX writer",
  "UX writer. Nulis teks di aplikasi supaya sopir dan pelanggan paham tanpa harus baca manual.",
  ["ux-writing", "content-design"],
  ["Ganti tombol 'Submit' jadi 'Kirim bukti': error pengiriman foto turun 20%. Kata-kata itu penting!",
   "Error messages should say what happened and what to do next. I rewrote 60 of them this sprint."],
  langs=["id", "en"])

A("nl", "We willen weten waarom chauffeurs de app niet fijn vinden. Wie kan interviews of tests met ze opzetten?",
  ["hannah_becker"])
A("id", "Teks pesan error di aplikasi kita bikin pelanggan bingung. Ada yang bisa bantu nulis ulang?",
  ["kadek_ayu"])
A("en", "What's planned for the customer portal next quarter? A client asked if they'll be able to download "
  "invoices.", ["roos_van_den_berg"])
A("it", "Chi decide le priorità del portale clienti? Vorrei proporre una funzione per scegliere la fascia oraria "
  "di consegna.", ["roos_van_den_berg"])
A("ru", "Хотим поговорить с клиентами о новом портале. Кто умеет правильно проводить такие интервью?",
  ["hannah_becker"])
A("en", "Can someone rewrite the button labels and error texts in the driver app so they make sense in "
  "Indonesian?", ["kadek_ayu"])

# --- Odd corners: where the expertise hides in the posts ------------------------------------------
P("joko_susilo", "Joko Susilo", "sub", FIN, "Finance clerk",
  "Staf keuangan pabrik Surabaya. Rekonsiliasi bank dan laporan mingguan.",
  ["reconciliation", "reporting"],
  ["Akhirnya bikin macro VBA buat rekonsiliasi mutasi bank. Yang dulu 4 jam sekarang 10 menit.",
   "Power Query trick: combine a whole folder of supplier price lists into one table, refresh with one click.",
   "Ada yang butuh template Excel buat gabungin file dari banyak cabang? Saya punya, tinggal pakai."],
  langs=["id", "jv", "en"])
P("shanti_ramdin", "Shanti Ramdin", "ams", ENG, "Digital workplace specialist",
  "Digital workplace: SharePoint, Teams en Power Automate. Ik help teams hun papierwerk te automatiseren.",
  ["sharepoint", "power-automate", "microsoft-365"],
  ["Goedkeuringsflow voor inkooporders onder €1.000 draait nu in Power Automate. Geen mailtjes meer.",
   "Guest access in Teams is on for approved partners. Request it per channel via the form on the intranet.",
   "SharePoint-opruimactie: 340 lege sites gearchiveerd. Zoeken gaat meteen beter."])
P("bekzod_yusupov", "Бекзод Юсупов", "tas", OPS, "Специалист по закупкам",
  "Закупки упаковки и сырья для Центральной Азии. Ищу поставщиков, провожу тендеры, торгуюсь.",
  ["procurement", "sourcing", "packaging"],
  ["Нашли нового поставщика гофрокоробов в Ташкенте: экономия 12% и доставка за три дня.",
   "Тендер на плёнку для паллет завершён, договор на год подписан."],
  langs=["ru", "uz", "en"])
P("fitri_handayani", "Fitri Handayani", "sub", OPS, "Purchasing — bahan baku rempah",
  "Pembelian bahan baku rempah: lada, cengkeh, pala. Sering ke Lampung dan Maluku ketemu petani.",
  ["purchasing", "raw-materials", "spices"],
  ["Harga lada di Lampung naik lagi minggu ini. Kontrak jangka panjang dengan koperasi petani makin penting.",
   "Visited our clove farmers in Maluku. Drying on tarps instead of on the ground means much less aflatoxin "
   "risk.",
   "Semua pala kita sekarang bisa dilacak sampai ke desa asalnya. Pelanggan Eropa suka ini."])
P("dimas_kurniawan", "Dimas Kurniawan", "jkt", OPS, "Fleet maintenance supervisor",
  "Supervisor perawatan armada truk Jabodetabek. Servis berkala, ban, dan GPS tracker.",
  ["fleet-management", "maintenance", "telematics"],
  ["Ganti ban serentak 40 truk sebelum musim hujan. Jangan tunggu botak!",
   "GPS tracker di 6 truk lama sering hilang sinyal. Antenanya sudah saya ganti, pantau seminggu ke depan."])
P("fajar_setiawan", "Fajar Setiawan", "sub", OPS, "Petugas K3",
  "Petugas K3 di gudang dan pabrik Surabaya. Inspeksi, APD, investigasi kecelakaan kerja.",
  ["health-and-safety", "k3", "incident-investigation"],
  ["Simulasi kebakaran hari ini: evakuasi 4 menit 10 detik. Bagus, tapi masih bisa lebih cepat.",
   "Near miss with a forklift in hall C last week. Root cause: blind corner. Mirrors installed today.",
   "Pelatihan APD untuk pekerja harian baru tiap Senin jam 7. Wajib ikut sebelum masuk gudang."])
P("eva_mulder", "Eva Mulder", "utr", PRD, "Agile coach",
  "Agile coach. Ik help teams met retrospectives, planning en minder vergaderen.",
  ["agile", "scrum", "facilitation"],
  ["Retro-formaat van deze week: 'sailboat'. Het anker was, verrassend genoeg, de goedkeuringsflow van finance.",
   "Sprint planning in 45 minutes is possible. Refine before, decide during.",
   "Workshop 'vergaderen met minder mensen' volgende week in Utrecht. Er zijn nog plekken."])
P("pavel_belov", "Pavel Belov", "beg", DATA, "GIS analyst",
  "GIS analyst: delivery zones, catchment areas, maps that sales actually uses.",
  ["gis", "qgis", "postgis"],
  ["Пересчитали зоны доставки вокруг Алматы по реальному времени в пути, а не по километрам.",
   "Isochrone map for the new Tilburg depot: 30, 60 and 90 minutes by truck. It's in the sales drive.",
   "Карта клиентов Джабодетабека по времени доставки готова. Пробки в Джакарте — отдельная наука."],
  langs=["ru", "en"])
P("sara_greco", "Sara Greco", "mil", LEG, "Segreteria societaria",
  "Segreteria societaria: procure, verbali, registro delle imprese per le società del gruppo.",
  ["corporate-governance", "company-secretarial"],
  ["Nuove procure firmate per i direttori di stabilimento: valgono fino a dicembre 2026.",
   "Visure camerali aggiornate di tutte le società italiane caricate nella cartella legale."])
P("tim_de_haan", "Tim de Haan", "rtm", FIN, "Insurance & risk manager",
  "Insurance and risk: cargo policy, liability cover, claims with our broker.",
  ["insurance", "risk-management", "claims"],
  ["Schade aan de lading uit Jakarta gemeld bij de verzekeraar, uitkering binnen vier weken.",
   "Our cargo policy covers trucks in Indonesia too, but the claim must reach me within 7 days.",
   "Polis voor bedrijfsaansprakelijkheid verlengd, nu inclusief de nieuwe vestiging in Tashkent."])
P("junhao_lim", "Jun Hao Lim", "sin", FIN, "Internal auditor",
  "Internal audit: controls testing, audit plans, and helping teams fix findings before the externals find "
  "them.",
  ["internal-audit", "internal-controls", "sox"],
  ["Audit of the Surabaya inventory count done. Two findings, both about segregation of duties.",
   "Before the external auditors arrive, do a dry run of your purchase-to-pay controls with me. Saves weeks."],
  langs=["en", "ms"])
P("giorgia_villa", "Giorgia Villa", "mil", MKT, "Packaging designer",
  "Grafica del packaging: etichette, cartoni, file di stampa. Illustrator e tanta pazienza con le tipografie.",
  ["packaging-design", "illustrator", "prepress"],
  ["Nuove etichette della linea bio consegnate alla tipografia. Colori Pantone finalmente corretti.",
   "Print files: CMYK, 3 mm bleed, fonts outlined. If the printer complains, send it to me.",
   "Rifatte le etichette per il mercato kazako con il marchio EAC al posto giusto."])
P("aibek_osmonov", "Айбек Осмонов", "bsk", ENG, "Embedded developer",
  "Пишу прошивки для датчиков температуры и шлюзов LoRaWAN на складах.",
  ["embedded", "iot", "lorawan", "c"],
  ["Батарейки в новых датчиках теперь живут 3 года: отправляем данные раз в 10 минут, а не раз в минуту.",
   "Firmware 2.4 for the warehouse temperature sensors is rolling out. If a sensor goes quiet, tell me.",
   "Поставили шлюз LoRaWAN на складе в Алматы, покрытие — весь склад и двор."],
  langs=["ru", "ky", "en"])
P("marloes_van_leeuwen", "Marloes van Leeuwen", "ams", SAL, "Inside sales",
  "Inside sales voor de foodservice-klanten in Noord-Holland. Offertes, bestellingen en veel telefoon.",
  ["inside-sales", "customer-relations"],
  ["Vorige week de handelsdelegatie uit Osaka rondgeleid in Rotterdam. Fijn om mijn Japans weer eens te "
   "gebruiken.",
   "Nieuwe klant: een ramenbar in Haarlem, bestelt onze gemberpasta per pallet."],
  langs=["nl", "en", "ja"])
P("kamila_tursunova", "Камила Турсунова", "tas", OPS, "Логист по импорту",
  "Работаю с поставщиками из Китая: заказы, документы, сроки.",
  ["import", "supplier-management"],
  ["Провела переговоры с фабрикой в Нинбо на китайском — скидка 5% и срок на неделю короче.",
   "Documents for the Ningbo shipment are complete. Bill of lading and packing list in the shared folder."],
  langs=["ru", "uz", "zh", "en"])
P("rafael_costa", "Rafael Costa", "lis", ENG, "Backend developer",
  "Backend developer on the billing service. Python, PostgreSQL, and more invoice edge cases than I can count.",
  ["python", "django", "billing"],
  ["Spent the day on the invoice PDF generator: customer names in Turkish and Czech lost their accents. The "
   "embedded font was subsetted to Latin-1. Fixed, all of Latin Extended now.",
   "Invoice PDFs now render in 120 ms instead of 2 s. WeasyPrint with a warm font cache is a different beast.",
   "Credit notes now reference the original invoice number on the PDF, as the Italian VAT rules want."],
  langs=["pt", "en", "es"])
P("luca_colombo", "Luca Colombo", "mil", CS, "Customer service agent",
  "Servizio clienti per il canale foodservice. Ordini, consegne e qualche miracolo.",
  ["customer-service", "order-management"],
  ["Rinnovato il corso di primo soccorso aziendale: sono di nuovo addetto per il secondo piano, cassetta e "
   "defibrillatore compresi.",
   "Record di chiamate oggi per la neve al nord. Grazie colleghi per la pazienza!"])

A("en", "Anyone good with Excel macros? I merge 40 supplier price lists every month and it takes me a whole day.",
  ["joko_susilo"])
A("ru", "Кто умеет автоматизировать сведение выписок из банка в Excel? Делаю вручную полдня каждую неделю.",
  ["joko_susilo"])
A("nl", "Ik wil dat een formulier automatisch een mail naar de manager stuurt voor akkoord. Kan dat zonder "
  "programmeren?", ["shanti_ramdin"])
A("it", "Come si dà accesso a un ospite esterno a un canale Teams?", ["shanti_ramdin"])
A("en", "We need a local supplier of cardboard boxes in Uzbekistan; the Chinese ones take too long. Who buys "
  "packaging there?", ["bekzod_yusupov"])
A("it", "Qualcuno sa come sta andando il prezzo del pepe nero e da chi lo compriamo?", ["fitri_handayani"])
A("nl", "Een klant vraagt waar onze nootmuskaat vandaan komt en of dat duurzaam is. Wie weet dat?",
  ["fitri_handayani"])
A("en", "One of our trucks in Jakarta keeps losing its GPS signal, which messes up customer ETAs. Who "
  "maintains the fleet trackers?", ["dimas_kurniawan"])
A("en", "We had a near miss with a forklift at the Surabaya plant. Who investigates incidents like this?",
  ["fajar_setiawan"])
A("id", "Perlu pelatihan APD buat pekerja harian baru di gudang. Siapa yang biasa ngisi?", ["fajar_setiawan"])
A("id", "Tim kami sprint planning-nya selalu molor tiga jam. Ada yang bisa bantu fasilitasi?", ["eva_mulder"])
A("ru", "Кто может провести ретроспективу для команды склада? Хотим разобрать, что пошло не так в сезон.",
  ["eva_mulder"])
A("nl", "Kan iemand een kaart maken van welke klanten binnen 30 minuten rijden van het nieuwe depot zitten?",
  ["pavel_belov"])
A("id", "Butuh peta area pengiriman Jabodetabek berdasarkan waktu tempuh, bukan jarak. Siapa yang biasa bikin?",
  ["pavel_belov"])
A("en", "I need a power of attorney to sign a lease on behalf of the Italian company. Who prepares that?",
  ["sara_greco"])
A("it", "Un container è caduto durante lo scarico a Genova e la merce è rovinata. Chi gestisce la pratica con "
  "l'assicurazione?", ["tim_de_haan"])
A("id", "Truk kita kecelakaan dan barangnya rusak. Klaim asuransinya diurus siapa dan batas waktunya kapan?",
  ["tim_de_haan"])
A("ru", "Перед приходом внешних аудиторов хотим проверить наши контроли в закупках. Кто может помочь?",
  ["junhao_lim"])
A("en", "The printer says our label file is RGB and needs CMYK with bleed. Who can fix the artwork?",
  ["giorgia_villa"])
A("ru", "Нужно переделать этикетку под требования ЕАЭС, со знаком EAC. Кто у нас дизайнер упаковки?",
  ["giorgia_villa"])
A("en", "The temperature sensors in the Almaty warehouse stopped reporting after an update. Who writes their "
  "firmware?", ["aibek_osmonov"])
A("nl", "Wie weet hoe de draadloze temperatuursensoren in het magazijn werken? We willen er twintig bijplaatsen.",
  ["aibek_osmonov"])
A("en", "Does anyone speak Japanese? A distributor from Osaka sent a draft contract and a long email in "
  "Japanese.", ["marloes_van_leeuwen"])
A("id", "Ada yang bisa bahasa Mandarin? Supplier di Ningbo cuma mau balas pakai bahasa Cina, saya perlu "
  "konfirmasi tanggal kirim.", ["kamila_tursunova", "wei_ling_tan"])
A("nl", "De PDF-facturen aan klanten tonen rare tekens bij Turkse en Tsjechische namen. Wie weet hoe die PDF's "
  "gemaakt worden?", ["rafael_costa"])
A("it", "Chi sono gli addetti al primo soccorso a Milano? Una collega si è sentita male al secondo piano.",
  ["luca_colombo"])
A("it", "Il fornitore di Ningbo ci scrive solo in cinese. Qualcuno in azienda lo parla?",
  ["kamila_tursunova", "wei_ling_tan"])

# --- Threads: a question someone posted and the expert's answer (expertise shown only in replies) -------
T("en", "Does anyone know why our warehouse app shows 'connection reset' only on the handheld scanners?",
  "rizky_pratama", "Probably the MTU again. The scanners go through the site-to-site VPN; packets above 1400 "
  "bytes get dropped. I'll clamp MSS on the tunnel tonight.")
T("nl", "Iemand een idee waarom onze orderstatus soms twee keer 'verzonden' toont?",
  "alexei_sokolov", "That's a duplicate event: the consumer commits its offset after processing, so after a "
  "rebalance the event is delivered again. I'll make the status update idempotent on the event id.")
T("id", "Ada yang tahu kenapa data penjualan kemarin di laporan Jakarta kosong?",
  "bayu_nugroho", "DAG ekstraksi ERP gagal jam 2 pagi karena password service account expired. Sudah saya "
  "jalankan ulang, data lengkap sekarang.")
T("it", "Qualcuno sa se possiamo mettere 'senza glutine' sulla nuova pasta di curry?",
  "davide_conti", "Solo se sotto 20 mg/kg e con analisi per ogni lotto. Ne parliamo domani, porto il piano di "
  "campionamento.")
T("ru", "Подскажите, почему у меня в отчёте по складу остатки на вчера, а не на сегодня?",
  "anna_smirnova", "Модель остатков в хранилище обновляется инкрементально ночью. Для почасовых данных есть "
  "отдельная витрина, скину ссылку.")
T("en", "Is it normal that the Jakarta warehouse server room gets to 30 degrees in the afternoon?",
  "wahyu_hidayat", "No. The second cooling unit was in maintenance mode; switched it back. Should settle at 22 "
  "within the hour.")
T("nl", "Weet iemand hoe je in Excel automatisch honderd bestanden in één tabel krijgt?",
  "joko_susilo", "Power Query: Data > Get Data > From Folder, then Combine. I can send you my template if "
  "you like.")
T("it", "Come si fa a far arrivare automaticamente le richieste di ferie al responsabile?",
  "shanti_ramdin", "With a Power Automate flow on the SharePoint list: on new item, start an approval, write the "
  "result back. I can set it up with you in half an hour.")
T("id", "Ada yang tahu kenapa truk B 9123 sering nggak kelihatan di peta tracking?",
  "dimas_kurniawan", "Antena GPS-nya rusak kena hujan. Sudah saya ganti kemarin sore, coba pantau lagi hari ini.")
T("en", "Anyone know why customers in Kazakhstan get our invoices a week late?",
  "rafael_costa", "The billing job for the KZT entity runs after the FX rates import, which only lands on "
  "Mondays. I'm moving it to daily rates this sprint.")
T("ru", "Кто-нибудь знает, почему датчик температуры в камере 3 показывает -40?",
  "aibek_osmonov", "Это значение по умолчанию, когда датчик потерял зонд. Заменю зонд завтра утром, до этого "
  "смотрите на соседний датчик.")
T("it", "Sapete se c'è un modo per sapere quanto ci mette un camion da Bologna a ogni cliente in Emilia?",
  "pavel_belov", "Yes: I can make an isochrone map from the depot with real truck speeds. Send me the depot "
  "address and the customer list.")

# --- More asks, written after the people above (same rule: the labels come from the design) ---------
A("id", "Siapa yang pegang cluster Kubernetes? Mau minta namespace baru buat proyek tracking.",
  ["joost_bakker", "dmitry_volkov"])
A("id", "Aplikasi pelanggan di iPhone nggak bisa login setelah update iOS. Bisa minta tolong dicek?",
  ["chiara_ricci"])
A("id", "Rekan dari Belanda kerja 3 bulan di Jakarta. Pajak penghasilan dan potongan gajinya gimana? Siapa "
  "yang ngerti?", ["siti_rahmawati"])
A("id", "Saya mau bikin dashboard penjualan di Power BI, tapi angka total selalu salah. Ada yang jago DAX?",
  ["femke_jansen"], ["power-bi"])
A("id", "Kontrak sewa gudang baru di Cikarang 8 tahun. Harus dicatat gimana di laporan keuangan grup?",
  ["stefano_lombardi"])
A("id", "Ada yang pernah ikut pameran SIAL atau Anuga? Mau tanya soal pengiriman sampel produk.",
  ["alessia_caruso"])
A("id", "Harga jual ke distributor di Kazakhstan dihitung pakai kurs apa? Siapa yang pegang daftar harganya?",
  ["ruslan_ibragimov"])
A("id", "Supplier dari Italia kirim NDA buat ditandatangani. Perlu dicek legal dulu? Siapa yang biasa review?",
  ["thijs_vos"])
A("id", "Ada email mencurigakan minta ganti nomor rekening supplier. Harus lapor ke siapa?", ["aisha_bello"])
A("id", "Siapa yang ngerti pengiriman kereta barang dari China ke Asia Tengah? Ada klien di Uzbekistan.",
  ["jasur_rakhimov"])
A("it", "Dopo l'aggiornamento del cluster il deploy con Helm fallisce. Chi mi può dare una mano?",
  ["joost_bakker"], ["kubernetes"])
A("it", "Chi si occupa delle buste paga in Olanda? Un collega trasferito ad Amsterdam ha domande sulle "
  "trattenute.", ["esther_dijkstra"])
A("it", "Il sistema che smista i ticket in indonesiano confonde reso e rimborso. Chi l'ha addestrato?",
  ["arief_rahman"])
A("it", "Mi serve una procura per firmare un contratto con un fornitore a nome della società. A chi chiedo?",
  ["sara_greco"])
A("it", "Vorremmo osservare i clienti mentre usano il portale e capire dove si bloccano. Chi sa organizzare "
  "queste sessioni?", ["hannah_becker"])
A("it", "Come si collega il nuovo strumento HR al login unico aziendale?", ["stijn_smits"])
A("it", "Quante emissioni di CO2 abbiamo avuto nel 2025? Un cliente lo chiede per una gara.",
  ["lars_van_den_heuvel"])
A("it", "Nel magazzino di Surabaya come hanno organizzato le ubicazioni di prelievo? Vorremmo fare lo stesso a "
  "Bologna.", ["agus_wibowo"])
A("it", "Qualcuno sa come funziona lo sdoganamento delle nostre spezie in Kazakistan?", ["yerlan_tulegenov"])
A("it", "Ci serve un processo che porti ogni ora le giacenze dal gestionale al data warehouse. Chi se ne occupa?",
  ["bayu_nugroho"])
A("it", "Il job di fine mese sul vecchio database contabile va in errore con 'snapshot too old'. Chi è la DBA?",
  ["paola_moretti"])
A("nl", "Wie kan onze nieuwe klant-API op lekken controleren voordat hij live gaat?", ["artem_orlov"])
A("nl", "Hoe vragen de collega's in Italië verlof aan? Ik moet het goedkeuren maar zie niets binnenkomen.",
  ["federica_costa"])
A("nl", "Een collega gaat voor een jaar naar Jakarta. Wie weet hoe je daar een werkvergunning regelt?",
  ["dewi_lestari"])
A("nl", "Onze chauffeurs in Indonesië rijden met oude Android-telefoons. Wie kan zorgen dat de app daarop niet "
  "crasht?", ["yoga_prasetyo"])
A("nl", "Is er iemand die Mongo goed kent? Onze aggregaties op de trackingdata zijn traag.", ["hendra_gunawan"])
A("nl", "Ik wil een A/B-test doen op de bestelpagina. Wie helpt bepalen hoe lang die moet lopen?",
  ["elena_gallo"])
A("nl", "Mijn nieuwe laptop laat me geen software installeren. Bij wie kan ik een programma aanvragen?",
  ["teguh_firmansyah"])
A("nl", "Hoe belasten we de kosten van het IT-team in Amsterdam door aan de Indonesische vestiging?",
  ["ruben_de_boer"])
A("ru", "Кто отвечает за дашборды в Power BI? Нужно, чтобы менеджеры видели только своих клиентов.",
  ["femke_jansen"])
A("ru", "Хотим участвовать в тендере в Нидерландах. Кто разбирается в тамошних госзакупках?",
  ["sander_van_der_meer"])
A("ru", "Нужна помощь с туннелем между складом и облаком — соединение постоянно рвётся.", ["rizky_pratama"])
A("ru", "Кто может объяснить, как устроены наши оповещения в Grafana? Хочу добавить своё правило.",
  ["ivan_kozlov"])
A("ru", "Срочно: клиент нашёл посторонний предмет в упаковке соуса с фабрики в Сурабае. Кто отвечает за "
  "качество там?", ["lina_marlina"])
A("ru", "Наш сайт на итальянском пропал из поиска после переезда. Кто занимается SEO?", ["floor_van_der_veen"])
A("ru", "Кто может перевести письмо и проект договора от японского дистрибьютора?", ["marloes_van_leeuwen"])
A("ru", "Как получить гостевой доступ в Teams для подрядчика?", ["shanti_ramdin"])


A("en", "Who can explain what happens to customer data if we use a US cloud tool, for both our EU and our "
  "Indonesian customers?", ["merel_vermeulen", "intan_purnamasari"])
A("ru", "Везём специи из Сурабаи в Алматы. Кто разбирается в таможне на обоих концах — и в Индонезии, и в "
  "Казахстане?", ["nur_aini", "yerlan_tulegenov"])
A("it", "Chi conosce bene i contratti di lavoro in Indonesia e in Uzbekistan? Apriamo posizioni in entrambi i "
  "paesi.", ["yohanes_simanjuntak", "irina_vasilyeva"])
A("nl", "We willen meedoen met een Europese aanbesteding voor schoolkantines, in Nederland en Italië. Wie heeft "
  "hier ervaring mee?", ["sander_van_der_meer", "fabio_ferrara"])

# Tags some askers typed in the ask form's skills box, matched on the start of the ask's text.
TYPED_SKILLS = {
    "Our staging pods get evicted": ["kubernetes"],
    "Qualcuno sa come si ripristina": ["vmware", "backup"],
    "Butuh bantuan soal koneksi dari gudang": ["jaringan"],
    "La pipeline su GitLab": ["gitlab"],
    "Mijn query op de orderdatabase": ["postgres"],
    "Need someone who knows the Oracle": ["oracle"],
    "Our App Store submission": ["ios"],
    "We kregen een klacht dat ons klantportaal": ["toegankelijkheid"],
    "Our on-call gets paged": ["monitoring", "alerting"],
    "Een nieuwe klant (supermarktketen)": ["edi"],
    "In the sales report the totals row": ["power-bi", "dax"],
    "Our newsletter test shows": ["statistics"],
    "Mijn loonstrook van januari": ["salaris"],
    "Potongan pajak di slip gaji": ["pajak", "gaji"],
    "Nel cedolino di dicembre": ["busta-paga"],
    "Le fatture verso un cliente tedesco": ["iva", "fatturazione-elettronica"],
    "We gaan via de webshop aan particulieren": ["btw"],
    "We want to charge our Italian entity": ["tax"],
    "I need to let someone in my team go": ["hr", "legal"],
    "Posso spostare un dipendente": ["diritto-del-lavoro"],
    "Mi trasferisco ad Amsterdam": ["visto", "relocation"],
    "Wat gebeurt er met mijn opgebouwde pensioen": ["pensioen"],
    "We want to try a new survey tool": ["gdpr"],
    "Хотим хранить данные клиентов": ["персональные-данные"],
    "Een klant wil een geheimhoudingsverklaring": ["nda", "contract"],
    "Can we sell spare compressors": ["export"],
    "Какой код ТН ВЭД": ["таможня"],
    "A municipality in Gelderland": ["tender"],
    "Siamo invitati a una gara su MEPA": ["gare"],
    "Как в Salesforce сделать отчёт": ["salesforce"],
    "Onze nieuwe productpagina's": ["seo"],
    "Mau pasang iklan di TikTok": ["tiktok", "iklan"],
    "A shipment of frozen shrimp": ["cold-chain", "claims"],
    "Dobbiamo rispedire a Rotterdam": ["spedizioni"],
    "Kontainer saya ditahan Bea Cukai": ["bea-cukai"],
    "We want to sell our spice mixes in Malaysia": ["halal"],
    "Volgende maand komt er een BRC-audit": ["audit", "voedselveiligheid"],
    "Can someone set up an automatic reply in Zendesk": ["zendesk"],
    "Aplikasi portal pelanggan mau go-live": ["security", "audit"],
    "I think I typed my password": ["phishing"],
    "Un cliente ci chiede di compilare un questionario": ["iso-27001"],
    "Anyone good with Excel macros": ["excel", "vba"],
    "Ik wil dat een formulier automatisch": ["automatisering"],
    "The printer says our label file": ["design"],
    "Does anyone speak Japanese": ["japanese", "translation"],
    "Ada yang bisa bahasa Mandarin": ["mandarin"],
}
for _prefix, _tags in TYPED_SKILLS.items():
    _matches = [a for a in ASKS if a["text"].startswith(_prefix)]
    if len(_matches) != 1:
        raise SystemExit(f"build: TYPED_SKILLS prefix {_prefix!r} matches {len(_matches)} asks")
    _matches[0]["skills"] = list(_tags)


# =============================================================================================
# Background people: composed from the fragments below with a fixed seed. Their titles, skills
# and posts are generic on purpose (nobody here holds an ask's specialised knowledge), and no
# background person speaks Japanese or Mandarin (two asks are about those languages).
# =============================================================================================

FILLERS_PER_OFFICE = {"ams": 34, "rtm": 16, "utr": 8, "jkt": 30, "sub": 18, "mil": 24, "bol": 14, "ala": 16,
                      "tas": 12, "bsk": 4, "beg": 6, "lon": 8, "lis": 5, "sin": 5, "blr": 8}
FILLER_EXTRA_LANGS = {"ams": ["de", "fr"], "rtm": ["de"], "utr": ["de"], "jkt": ["jv", "su"], "sub": ["jv"],
                      "mil": ["fr", "es"], "bol": ["es"], "ala": ["kk"], "tas": ["uz"], "bsk": ["ky"], "beg": ["sr"],
                      "lon": ["fr"], "lis": ["pt"], "sin": ["ms", "ta"], "blr": ["hi", "kn"]}
TEAM_WEIGHTS = {ENG: 3, DATA: 1, FIN: 2, PPL: 1, LEG: 0.5, SAL: 2.5, MKT: 1, OPS: 4, CS: 2, SEC: 0.7, FAC: 0.8,
                PRD: 0.8}
OPS_HEAVY = {"rtm", "sub", "tas"}
ENG_HEAVY = {"blr", "beg", "lis"}

NAMES = {
    "nl": ("Anne Bart Carlijn Demi Dirk Eline Erik Fleur Frank Geert Hidde Inge Jan Jasper Jesse Joris Julia Kim "
           "Laura Lieke Linda Luuk Maarten Marieke Mark Martijn Milan Naomi Nina Paul Pim Rik Rob Sophie Sven Tess "
           "Thomas Vera Wessel Willem Youssef Fatima Emre Priscilla Kevin Sevda",
           "Bakker|Jansen|de Jong|van Dijk|Visser|Meijer|Mulder|Bos|Peters|Hendriks|Dekker|de Wit|Smits|van der "
           "Linden|Kok|Jacobs|de Haan|van den Broek|de Bruijn|de Vries|Schouten|Willems|van Wijk|Postma|Kuiper|"
           "Huisman|Prins|Blom|Koster|Verhoeven|Timmermans|Boersma|Hoekstra|Yilmaz|El Idrissi|Kartosen|Bouzid|"
           "Sahin|Tahiri|Wijnaldum|Pinas"),
    "id": ("Adi Agung Ahmad Ani Ari Asep Cahya Dian Dika Eka Erna Fadli Fikri Galih Gita Hadi Hana Ika Ilham Irfan "
           "Kurnia Lia Mega Nanda Nia Oki Pandu Rani Reza Rudi Sinta Taufik Tika Tri Umar Wulan Yanti Yudi Zaki "
           "Zulfa Komang Nyoman Yosef Maria",
           "Saputra|Wijaya|Kusuma|Hakim|Nugraha|Purnomo|Setiadi|Nasution|Harahap|Lubis|Pangaribuan|Sihombing|"
           "Wibisono|Hartono|Susanto|Suryadi|Ramadhan|Maulana|Rahayu|Utami|Anggraeni|Permana|Halim|Tanjung|"
           "Syahputra|Pratiwi|Kurniawati|Sitompul|Manurung|Tambunan"),
    "it": ("Alberto Alice Antonio Arianna Aurora Carlo Caterina Claudia Cristina Daniela Dario Edoardo Emma Enrico "
           "Fabrizio Filippo Francesco Giacomo Giorgio Giovanni Irene Laura Leonardo Lucia Manuela Marta Massimo "
           "Michele Nicola Paolo Pietro Riccardo Rita Roberta Sofia Tommaso Vittoria",
           "Esposito|Ferrari|Russo|Bianco|Greco|Martini|Leone|Longo|Gentile|Martinelli|Vitale|Lombardo|Serra|"
           "Coppola|De Santis|D'Angelo|Marchetti|Parisi|Conte|Ferraro|Fabbri|Sala|Cattaneo|Pellegrini|Benedetti|"
           "Rota|Sartori|Orlando|Testa|Farina"),
    "en_lon": ("Oliver Amelia Harry Isla Jack Olivia George Sophie Charlie Grace James Chloe Samuel Lucy",
               "Taylor|Brown|Wilson|Evans|Thomas|Roberts|Walker|Wright|Robinson|Thompson|Hall|Green|Clarke|Lewis|"
               "Patel|Khan|Okafor|Mensah"),
    "en_lis": ("João Inês Tiago Mariana Rui Beatriz Pedro Carolina Miguel Ana",
               "Ferreira|Pereira|Oliveira|Rodrigues|Martins|Sousa|Fernandes|Gonçalves|Lopes|Carvalho"),
    "en_sin": ("Wei Jie Hui Min Jun Xin Kai Siew Arun Farah Nur Daniel Rachel",
               "Tan|Lee|Ng|Ong|Goh|Chua|Koh|Teo|Wong|Rahman|Kumar"),
    "en_blr": ("Aditya Ananya Rahul Sneha Vikram Divya Karthik Meera Rohan Pooja Suresh Lakshmi",
               "Iyer|Reddy|Rao|Sharma|Menon|Pillai|Gupta|Krishnan|Shetty|Hegde|Kulkarni|Joshi"),
}
RU_MALE = [("Alexander", "Александр"), ("Andrei", "Андрей"), ("Anton", "Антон"), ("Boris", "Борис"),
           ("Denis", "Денис"), ("Egor", "Егор"), ("Evgeny", "Евгений"), ("Igor", "Игорь"), ("Kirill", "Кирилл"),
           ("Maxim", "Максим"), ("Mikhail", "Михаил"), ("Oleg", "Олег"), ("Roman", "Роман"), ("Timur", "Тимур"),
           ("Vadim", "Вадим"), ("Viktor", "Виктор"), ("Yuri", "Юрий"), ("Arman", "Арман"), ("Daniyar", "Данияр"),
           ("Askar", "Аскар"), ("Aziz", "Азиз"), ("Sardor", "Сардор"), ("Rustam", "Рустам"), ("Nurlan", "Нурлан"),
           ("Bakyt", "Бакыт"), ("Emil", "Эмиль")]
RU_FEMALE = [("Alina", "Алина"), ("Anastasia", "Анастасия"), ("Daria", "Дарья"), ("Elena", "Елена"),
             ("Kristina", "Кристина"), ("Ksenia", "Ксения"), ("Marina", "Марина"), ("Natalia", "Наталья"),
             ("Polina", "Полина"), ("Svetlana", "Светлана"), ("Valeria", "Валерия"), ("Victoria", "Виктория"),
             ("Zarina", "Зарина"), ("Aliya", "Алия"), ("Madina", "Мадина"), ("Gulnara", "Гульнара"),
             ("Saule", "Сауле"), ("Nigora", "Нигора"), ("Asel", "Асель"), ("Aizhan", "Айжан")]
RU_LAST = [("Ivanov", "Иванов"), ("Smirnov", "Смирнов"), ("Popov", "Попов"), ("Lebedev", "Лебедев"),
           ("Novikov", "Новиков"), ("Kovalev", "Ковалев"), ("Belyaev", "Беляев"), ("Zaitsev", "Зайцев"),
           ("Pavlov", "Павлов"), ("Semenov", "Семенов"), ("Golubev", "Голубев"), ("Vinogradov", "Виноградов"),
           ("Bogdanov", "Богданов"), ("Nurlanov", "Нурланов"), ("Abenov", "Абенов"), ("Sarsenov", "Сарсенов"),
           ("Karimov", "Каримов"), ("Tursunov", "Турсунов"), ("Rakhmonov", "Рахмонов"), ("Mirzaev", "Мирзаев"),
           ("Asanov", "Асанов"), ("Sadykov", "Садыков"), ("Kasymov", "Касымов"), ("Akhmetov", "Ахметов")]

TITLES_EN = {
    ENG: "Software engineer|Senior software engineer|Full-stack developer|QA engineer|Junior developer|"
         "Engineering manager",
    DATA: "Data analyst|Reporting analyst|Junior data analyst|Data steward",
    FIN: "Accountant|Accounts receivable specialist|Credit controller|Billing specialist",
    PPL: "HR assistant|Onboarding coordinator|People team assistant",
    LEG: "Paralegal|Legal assistant",
    SAL: "Account manager|Sales representative|Area sales manager|Sales coordinator|Business development manager",
    MKT: "Marketing coordinator|Content marketer|Brand manager|Marketing assistant",
    OPS: "Warehouse operative|Shift supervisor|Inventory controller|Dispatcher|Forklift driver|HGV driver|"
         "Production operator|Production planner",
    CS: "Customer service agent|Support agent|Customer care specialist|Order desk clerk",
    SEC: "Site security officer|Security guard",
    FAC: "Cleaning supervisor|Mailroom clerk|Canteen assistant",
    PRD: "Product owner|Product analyst|Business analyst",
}
TITLES_LOCAL = {
    "nl": {ENG: "Softwareontwikkelaar|Testautomatiseerder", DATA: "Data-analist|Rapportage-analist",
           FIN: "Financieel medewerker|Debiteurenbeheerder", PPL: "HR-medewerker|Office assistant HR",
           LEG: "Juridisch medewerker", SAL: "Accountmanager|Binnendienstmedewerker verkoop",
           MKT: "Marketingmedewerker|Contentmarketeer",
           OPS: "Magazijnmedewerker|Teamleider magazijn|Heftruckchauffeur|Vrachtwagenchauffeur|Productiemedewerker",
           CS: "Klantenservicemedewerker|Medewerker orderdesk", SEC: "Beveiliger", FAC: "Medewerker postkamer",
           PRD: "Product owner|Business analist"},
    "id": {ENG: "Software engineer|QA tester", DATA: "Analis data|Staf pelaporan", FIN: "Staf akuntansi|Staf penagihan",
           PPL: "Staf HRD|Staf rekrutmen", LEG: "Staf legal", SAL: "Sales representative|Staf penjualan|Sales supervisor",
           MKT: "Staf marketing|Staf promosi",
           OPS: "Operator gudang|Checker gudang|Sopir truk|Operator forklift|Operator produksi|Admin gudang",
           CS: "Customer service|Staf call center", SEC: "Satpam|Komandan regu satpam",
           FAC: "Office boy|Petugas kebersihan", PRD: "Product owner|Business analyst"},
    "it": {ENG: "Sviluppatore software|Tester", DATA: "Analista dati|Analista reporting",
           FIN: "Impiegata amministrativa|Addetto contabilità clienti", PPL: "Assistente HR|Addetta selezione",
           LEG: "Assistente legale|Praticante avvocato", SAL: "Agente di commercio|Addetto vendite|Area manager",
           MKT: "Addetta marketing|Assistente trade marketing",
           OPS: "Magazziniere|Carrellista|Autista|Capoturno magazzino|Operaio di produzione",
           CS: "Operatore servizio clienti|Addetta back office ordini", SEC: "Guardia giurata",
           FAC: "Addetto pulizie", PRD: "Product owner|Analista funzionale"},
    "ru": {ENG: "Разработчик|Тестировщик", DATA: "Аналитик данных|Аналитик отчётности",
           FIN: "Экономист|Кассир|Бухгалтер по расчётам с покупателями", PPL: "Ассистент HR",
           LEG: "Помощник юриста", SAL: "Менеджер по продажам|Торговый представитель|Менеджер по работе с клиентами",
           MKT: "Маркетолог|Бренд-менеджер",
           OPS: "Кладовщик|Водитель погрузчика|Водитель-экспедитор|Начальник смены склада|Оператор производства",
           CS: "Оператор колл-центра|Специалист службы поддержки", SEC: "Охранник|Начальник охраны",
           FAC: "Уборщица|Завхоз склада", PRD: "Продакт-оунер|Бизнес-аналитик"},
}
FILLER_SKILLS = {
    ENG: ["javascript", "python", "code-review", "scrum", "java", "sql", "unit-testing"],
    DATA: ["sql", "reporting", "data-quality", "documentation"],
    FIN: ["reconciliations", "invoicing", "month-end", "erp", "accounts-receivable", "credit-control"],
    PPL: ["employee-records", "onboarding", "scheduling", "ms-office"],
    LEG: ["legal-research", "document-management", "contract-archive"],
    SAL: ["negotiation", "customer-relations", "foodservice", "prospecting", "b2b-sales"],
    MKT: ["copywriting", "campaigns", "brand", "newsletters", "market-research"],
    OPS: ["forklift", "order-picking", "inventory", "loading", "production-line", "shift-planning"],
    CS: ["customer-service", "order-entry", "phone-support", "email-support"],
    SEC: ["patrol", "cctv", "reception-duty"],
    FAC: ["cleaning", "mail-handling", "catering"],
    PRD: ["requirements", "jira", "user-stories", "backlog"],
}
TEAM_TAG = {ENG: "engineering", DATA: "data", FIN: "finance", PPL: "hr", LEG: "legal", SAL: "sales",
            MKT: "marketing", OPS: "warehouse", CS: "support", SEC: "security", FAC: "office", PRD: "product"}

TEAM_POSTS_EN = {
    ENG: ["Finished the refactor of the order history page. Fewer lines, same features, hopefully fewer bugs.",
          "Pair programming this morning was the most productive two hours of my week.",
          "Code freeze starts Thursday for the quarter-end release. Merge what you can before then.",
          "Demo day: we showed the new delivery notes screen. Good questions from the warehouse folks.",
          "Spent the afternoon writing tests for an old module nobody wanted to touch. Feels good."],
    DATA: ["Cleaned up the customer master file for the quarterly report. So many 'test test' accounts.",
           "Weekly sales report is out. Numbers are in the usual folder.",
           "Data quality check: 2% of orders had no region. Chasing the sources now.",
           "Learned today that 'revenue' means three different things in three departments.",
           "New colleague in the data team starts Monday, say hi!"],
    FIN: ["Month-end close done a day early. Thanks to everyone who sent their accruals on time.",
          "Reminder to send your cost approvals before the 25th.",
          "Customer payments come in faster since we send a friendly reminder a week before the due date.",
          "Audit season again. Coffee consumption in finance up 40%.",
          "Cleared 120 unmatched customer payments this week. A small mountain, but a mountain."],
    PPL: ["Welcome to the nine new colleagues who started this week!",
          "Employee survey closes Friday. Please fill it in, it really does change things.",
          "New starter checklist updated: laptop, badge, buddy, coffee.",
          "Work anniversaries this month: three people with 10 years at Kestrel. Congratulations!",
          "Reminder: please update your emergency contact details."],
    LEG: ["Archived 300 old supplier contracts into the new document system. Searchable at last.",
          "Reminder: please send signed documents back as PDF, not as a photo of a printout.",
          "Legal team offsite this week, replies may be a bit slower.",
          "Walked the team through the new folder structure of the contract archive today."],
    SAL: ["Great visit to a new restaurant customer today. They want samples of the whole curry range.",
          "Q3 targets reached in the north region. Thank you, sales team!",
          "Visited three wholesalers this week. Lots of interest in the new organic line.",
          "Pipeline review tomorrow at 9. Update your opportunities, please.",
          "A customer called just to say the delivery was perfect. Doesn't happen often, so sharing it here."],
    MKT: ["November newsletter is out. Open rate 38%, not bad at all.",
          "Photo shoot for the new spice jars today. The studio smells amazing.",
          "Brand refresh workshop next week. Bring your opinions about orange.",
          "Customer magazine: looking for stories from the warehouses. Who has one?"],
    OPS: ["Record day at the warehouse: 1,900 order lines picked before 3pm.",
          "Inventory count this weekend. Pizza on Saturday for everyone who helps.",
          "New dock schedule starts Monday. Check your slot times, please.",
          "Night shift did great work clearing the backlog after the holiday.",
          "Third truck of the day is late because of traffic. Customers informed."],
    CS: ["Busy Monday: 400 calls before noon. Thanks, team, for staying calm.",
         "Customer satisfaction this month: 4.6 out of 5. Proud of this team.",
         "A customer sent us cookies to say thank you. They're in the kitchen, go get one.",
         "New colleagues on the phone lines this week. Be patient with them!"],
    SEC: ["Reminder: visitors sign in at the gate, even suppliers you know well.",
          "Night patrol found a door on the east side left open. Please close it when you leave.",
          "New cameras at the loading dock are up. Fewer blind spots."],
    FAC: ["The kitchen on the second floor gets a new dishwasher on Tuesday.",
          "Lost and found: one blue umbrella and a very nice scarf. Come and get them.",
          "Window cleaning on Thursday, please clear your windowsills.",
          "Post room closes at 4pm on Friday because of the team outing."],
    PRD: ["Backlog refinement went well today. Ten stories ready for the next sprint.",
          "Wrote the user stories for the delivery notes feature. Feedback welcome.",
          "Sprint review on Thursday, come and see what we built.",
          "Product team lunch: we argued about naming for an hour and then ordered pizza."],
}
GENERAL_WORK = {
    "en": ["Long day of meetings, but we finally agreed on the plan.",
           "Two new colleagues started this week. Always good to see our work through fresh eyes.",
           "All day in spreadsheets. Tomorrow I'd like to see actual humans.",
           "Quarter closed. Thanks to everyone who pushed at the end.",
           "Working from home today, finally had time to clean up my inbox.",
           "Call with the Jakarta team this morning. Time zones are hard, but it was worth it.",
           "Presenting our quarterly numbers to leadership tomorrow. Fingers crossed!",
           "Busy week, but the project is back on schedule."],
    "nl": ["Lange vergaderdag, maar we hebben eindelijk een besluit over de planning.",
           "Twee nieuwe collega's ingewerkt deze week. Leuk om met frisse ogen naar ons werk te kijken.",
           "Vandaag de hele dag met mijn hoofd in de spreadsheets. Morgen weer mensen zien.",
           "Kwartaalafsluiting gehaald, met dank aan iedereen die even extra gas gaf.",
           "Mooie reactie van een klant gekregen vandaag. Daar doen we het voor.",
           "Teamuitje naar de escaperoom: we kwamen er met twee minuten over uit.",
           "Thuiswerkdag, dus eindelijk tijd om mijn mailbox op te ruimen.",
           "Het nieuwe planningsbord hangt. Nu nog zorgen dat iedereen het bijhoudt.",
           "Kennissessie met het team in Jakarta gehad. Goed om elkaar te zien, al was het via een scherm.",
           "Morgen presenteer ik onze kwartaalcijfers aan het MT. Duimen!",
           "Drukke week, maar het project ligt weer op schema.",
           "De nieuwe werkplekken op de derde verdieping zijn heerlijk licht."],
    "id": ["Rapat seharian, tapi akhirnya ada keputusan soal jadwal proyek.",
           "Minggu ini ada dua rekan baru di tim. Seru lihat kerjaan kita dari sudut pandang baru.",
           "Seharian di depan spreadsheet. Besok semoga lebih banyak ketemu orang.",
           "Target kuartal tercapai, terima kasih semua yang sudah kerja ekstra.",
           "Dapat pujian dari pelanggan hari ini. Ini yang bikin semangat.",
           "Outing tim ke Bogor, capek tapi seru!",
           "WFH hari ini, akhirnya sempat beresin email yang numpuk.",
           "Papan perencanaan baru sudah dipasang. Tinggal semua rajin update.",
           "Sharing session dengan tim Amsterdam lewat video call. Seru juga ngobrol lintas negara.",
           "Besok presentasi laporan kuartal ke manajemen. Doakan ya!",
           "Minggu yang sibuk, tapi proyek sudah kembali sesuai jadwal.",
           "Macet parah pagi ini, tapi sampai kantor tepat waktu."],
    "it": ["Giornata di riunioni, ma alla fine abbiamo deciso il calendario del progetto.",
           "Questa settimana sono arrivati due nuovi colleghi. Bello vedere il nostro lavoro con occhi nuovi.",
           "Tutto il giorno sui fogli di calcolo. Domani spero di vedere persone vere.",
           "Chiusura del trimestre fatta, grazie a tutti per lo sprint finale.",
           "Un cliente oggi ci ha ringraziato per la consegna puntuale. Soddisfazioni.",
           "Uscita di team in montagna: pioggia, polenta e tante risate.",
           "Giornata di smart working: finalmente ho svuotato la casella di posta.",
           "Nuova bacheca di pianificazione in ufficio. Adesso serve che tutti la aggiornino.",
           "Call con i colleghi di Jakarta: fuso orario complicato, ma ne valeva la pena.",
           "Domani presento i numeri del trimestre alla direzione. Incrociate le dita!",
           "Settimana intensa, ma il progetto è di nuovo nei tempi.",
           "Sciopero dei treni, oggi lavoro da casa. Salutatemi la macchinetta del caffè."],
    "ru": ["Весь день на совещаниях, но наконец договорились о сроках проекта.",
           "На этой неделе у нас в команде двое новичков. Полезно посмотреть на свою работу свежим взглядом.",
           "Весь день в таблицах. Завтра хочется увидеть живых людей.",
           "Квартал закрыт, спасибо всем за рывок в конце.",
           "Клиент сегодня позвонил просто чтобы сказать спасибо за доставку. Приятно.",
           "Выезд командой за город: холодно, но очень красиво.",
           "Сегодня удалёнка, наконец-то руки дошли до почты.",
           "Повесили новую доску планирования. Осталось приучить всех её обновлять.",
           "Созвон с коллегами из Амстердама: разница во времени, но было полезно.",
           "Завтра презентация квартальных результатов руководству. Держите кулаки!",
           "Неделя сумасшедшая, но проект снова идёт по графику.",
           "Первый снег, а склад работает как часы."],
}
LIFE = {
    "en": ["Lunch recommendation: the new ramen place around the corner. Go early, the queue is real.",
           "Ran my first half marathon on Sunday. Legs are not speaking to me today. #running",
           "Who's in for five-a-side football on Thursday? We need two more.",
           "Cake in the kitchen for my birthday. Help yourselves!",
           "The office plants have been watered. You're welcome.",
           "Book club pick for next month is up. Something short this time, promise.",
           "Anyone else's train cancelled this morning?",
           "Cycled to work in the rain. Regretting nothing. Well, a little.",
           "Photos from the summer party are in the shared album.",
           "Bake-off results: the lemon drizzle won, again.",
           "Quiz night on Friday at the pub next door. Teams of four.",
           "First day back after parental leave. So much has changed, so much is the same."],
    "nl": ["Wie gaat er mee lunchen bij de nieuwe falafelzaak? Half één bij de ingang.",
           "Zondag de Dam tot Damloop gelopen. Mijn benen voelen als pudding. #hardlopen",
           "Vrijdagmiddagborrel is deze week op het dakterras, als het droog blijft.",
           "Taart in de keuken op de tweede, ik ben jarig!",
           "De fietsenstalling staat weer vol. Wie heeft er drie fietsen van vorig jaar laten staan?",
           "De koffieautomaat doet het weer. Het kantoor is gered.",
           "Zaalvoetbal donderdagavond, we zoeken nog twee mensen.",
           "Wat een storm vanochtend. Halverwege de rit naar kantoor maar omgedraaid.",
           "Boekenclub: volgende maand lezen we iets korts, beloofd.",
           "Foto's van het zomerfeest staan in het gedeelde album.",
           "Surprises voor Sinterklaas inleveren vóór vrijdag, gedichten graag anoniem.",
           "Eerste werkdag na mijn vakantie in Italië. Nog even wennen aan de koffie hier."],
    "id": ["Makan siang di warung padang depan kantor, ada yang mau ikut? Jam 12 ketemu di lobi.",
           "Minggu kemarin ikut fun run 10K. Kaki masih pegal. #lari",
           "Futsal Kamis malam, masih kurang dua orang nih.",
           "Ada kue ulang tahun di pantry lantai 3, silakan diambil!",
           "Jakarta banjir lagi, hati-hati yang pulang lewat Kemang.",
           "Buka puasa bersama Jumat ini di kantor, jangan lupa daftar ya.",
           "Selamat Hari Raya Idul Fitri, mohon maaf lahir dan batin 🙏",
           "Foto-foto gathering kemarin sudah diupload ke album bersama.",
           "Ada yang punya rekomendasi bengkel motor dekat kantor?",
           "Kopi susu gula aren di kafe baru seberang kantor enak banget.",
           "Badminton Rabu sore di GOR dekat kantor, siapa mau ikut?",
           "Akhirnya cuti juga. Sampai ketemu minggu depan!"],
    "it": ["Pranzo al nuovo giapponese dietro l'ufficio? Ritrovo alle 12:30 all'ingresso.",
           "Domenica ho corso la mezza maratona. Oggi le gambe protestano. #corsa",
           "Calcetto giovedì sera, ci mancano due giocatori.",
           "Torta in cucina al secondo piano, oggi compio gli anni!",
           "La macchinetta del caffè è di nuovo rotta. Giornata difficile.",
           "Aperitivo di fine trimestre venerdì sulla terrazza, se non piove.",
           "Foto della festa d'estate caricate nell'album condiviso.",
           "Qualcuno ha consigli per un buon meccanico in zona ufficio?",
           "Primo giorno di ferie. Ci vediamo tra due settimane!",
           "Nebbia fittissima stamattina in tangenziale. Guidate piano.",
           "Club del libro: il mese prossimo si legge qualcosa di breve, promesso.",
           "Buon Natale a tutti, e grazie per quest'anno!"],
    "ru": ["Кто со мной на обед в новое кафе за углом? Встречаемся в 12:30 у входа.",
           "В воскресенье бегали полумарафон. Ноги сегодня со мной не разговаривают. #бег",
           "Мини-футбол в четверг вечером, не хватает двоих.",
           "На кухне торт, у меня сегодня день рождения!",
           "Кофемашина снова работает. Офис спасён.",
           "Фотографии с новогоднего корпоратива в общем альбоме.",
           "Посоветуйте хороший автосервис рядом с офисом?",
           "Завтра начинается отпуск! Увидимся через две недели.",
           "На дорогах гололёд, берегите себя.",
           "Наурыз мейрамы құтты болсын! С праздником весны, коллеги.",
           "Плов в пятницу в офисе, приносите аппетит.",
           "Книжный клуб: в следующем месяце читаем что-нибудь короткое, обещаем."],
}
CLOSERS = {
    "en": ["Thanks, everyone!", "Questions welcome.", "More soon.", "Onwards.", "Proud of this team."],
    "nl": ["Dank allemaal!", "Vragen? Laat het weten.", "Wordt vervolgd.", "Trots op dit team."],
    "id": ["Terima kasih semua!", "Kalau ada pertanyaan, kabari ya.", "Semangat!", "Bangga sama tim ini."],
    "it": ["Grazie a tutti!", "Domande? Scrivetemi.", "Avanti così.", "Che squadra!"],
    "ru": ["Всем спасибо!", "Вопросы — пишите.", "Продолжаем.", "Отличная команда!"],
}
REPLIES = {
    "en": ["Congrats!", "Count me in.", "Great news, well done.", "Thanks for sharing!", "Ha, same here.",
           "Nice one!", "Good to know, thanks."],
    "nl": ["Gefeliciteerd!", "Ik doe mee.", "Top, goed gedaan!", "Dank voor het delen!", "Herkenbaar 😄",
           "Goed om te weten, dank je."],
    "id": ["Selamat!", "Ikut dong!", "Mantap, kerja bagus!", "Makasih infonya!", "Sama banget 😄", "Keren!"],
    "it": ["Complimenti!", "Ci sto!", "Ottimo lavoro!", "Grazie per la condivisione!", "Anche io 😄", "Bello!"],
    "ru": ["Поздравляю!", "Я в деле!", "Отличная работа!", "Спасибо, что поделились!", "Аналогично 😄",
           "Здорово!"],
}
BIO_FRAMES = {
    "en": ["{title} at our {city} office. {hobby}",
           "Joined Kestrel in {year}, working in {team} in {city}. {hobby}",
           "Based in {city}. Before Kestrel I worked at {prev}. {hobby}",
           "{team} in {city} since {year}. Happy to help where I can.",
           "{hobby} Otherwise: {title_lc}, {city}.",
           "I look after the day-to-day in {team} here in {city}. Ask me anything, I'll find who knows.",
           "{title}. {city}, mostly on site. {hobby}"],
    "nl": ["Werkt sinds {year} bij Kestrel in {city}. {hobby}",
           "{title} in {city}. {hobby}",
           "Ik werk bij {team} in {city}. Daarvoor zat ik bij {prev}.",
           "Sinds {year} bij {team}. {hobby}",
           "Al jaren het vaste gezicht van {team} in {city}. {hobby}",
           "{title}. Meestal op locatie in {city}, soms thuis."],
    "id": ["{title} di kantor {city}. {hobby}",
           "Gabung di Kestrel sejak {year}, bagian {team}. {hobby}",
           "Kerja di {city}, sebelumnya di {prev}. {hobby}",
           "Bagian {team} sejak {year}. Senang belajar hal baru.",
           "Sehari-hari di {team}, kantor {city}. {hobby}",
           "{title}. Asli {home}, sekarang tinggal di {city}."],
    "it": ["{title} nella sede di {city}. {hobby}",
           "In Kestrel dal {year}, mi occupo di {team}. {hobby}",
           "Lavoro a {city}; prima ero in {prev}. {hobby}",
           "Dal {year} mi occupo di {team} a {city}. Sempre disponibile per una mano.",
           "{title}. {hobby}",
           "Nata e cresciuta a {home}, lavoro a {city} da qualche anno. {hobby}"],
    "ru": ["{title}, офис — {city}. {hobby}",
           "В Kestrel с {year} года, направление — {team}. {hobby}",
           "Живу и работаю в {city_loc}. До Kestrel — {prev}. {hobby}",
           "Направление — {team}, с {year} года. Обращайтесь, если нужна помощь.",
           "{title}. {hobby}",
           "Родом из города {home}, сейчас в {city_loc}. {hobby}"],
}
HOBBIES = {
    "en": ["Weekends are for hiking and bad puns.", "Amateur baker; the results end up in the office kitchen.",
           "I run, slowly, most mornings.", "Parent of two, owner of one very lazy cat.",
           "Learning Dutch, one embarrassing sentence at a time.", "Chess in the lunch break, if anyone dares.",
           "Big football fan, small football talent.", "Always up for a good board game.",
           "Collects vinyl records and houseplants.", "Grows tomatoes on a very small balcony.",
           "Volunteer coach for a kids' cricket team.", "Trying to visit every office we have. Four down.",
           "Makes a decent curry and a terrible espresso.", "Swims in the sea all year round, somehow."],
    "nl": ["In het weekend vaak op de racefiets te vinden.", "Vader van twee, eigenaar van een luie kat.",
           "Speelt hockey, kijkt voetbal.", "Bakt graag en neemt het resultaat mee naar kantoor.",
           "Zingt in een koor en houdt van lange wandelingen.", "Moeder van drie en altijd op zoek naar koffie.",
           "Altijd in voor een potje schaak.", "Zeilt in de zomer op het IJsselmeer.",
           "Schaatst als het maar even kan.", "Puzzelt graag, het liefst cryptogrammen.",
           "Heeft een volkstuintje en te veel courgettes.", "Leert Italiaans voor de vakantie.",
           "Is vrijwilliger bij de voedselbank."],
    "id": ["Hobi naik gunung kalau ada libur panjang.", "Suka masak, apalagi rendang buatan sendiri.",
           "Main futsal tiap Kamis.", "Ayah dua anak, penggemar kopi tubruk.",
           "Ibu dari tiga anak dan pecinta drama Korea.",
           "Lagi belajar bahasa Inggris supaya lancar rapat dengan tim Eropa.", "Suka fotografi jalanan.",
           "Penggemar bulu tangkis sejak kecil.", "Suka jalan-jalan ke pasar tradisional tiap akhir pekan.",
           "Main gamelan di sanggar dekat rumah.", "Lagi belajar berenang, pelan-pelan.",
           "Pecinta kucing, punya empat.", "Suka mancing di Kepulauan Seribu."],
    "it": ["Nel weekend in montagna, appena posso.", "Cucino per gli amici e non accetto critiche sul ragù.",
           "Gioco a pallavolo da vent'anni.", "Papà di due bambini e di un cane molto vivace.",
           "Mamma di tre figli, lettrice accanita.", "Tifoso del Bologna, nonostante tutto.",
           "Appassionato di fotografia e di treni regionali.", "Suono la chitarra in una band di amici.",
           "Vado al lavoro in bici, anche d'inverno.", "Coltivo basilico e pomodori sul balcone.",
           "Faccio volontariato in una biblioteca di quartiere.", "Sto imparando l'olandese, con fatica.",
           "Nuoto due volte a settimana."],
    "ru": ["По выходным хожу в горы.", "Люблю готовить плов для всей команды.", "Играю в футбол по четвергам.",
           "Двое детей и очень ленивый кот.", "Читаю фантастику и учу нидерландский.",
           "Бегаю по утрам, медленно, но регулярно.", "Играю в шахматы в обеденный перерыв.",
           "Фотографирую города и горы.", "Катаюсь на лыжах всю зиму.", "Учу английский и немного итальянский.",
           "Выращиваю помидоры на даче.", "Играю на домбре.", "Люблю длинные поездки на поезде."],
}
PREVIOUS = {
    "en": ["a logistics company", "a supermarket chain", "a hotel group", "a bank", "a shipping line",
           "a small start-up", "a food producer", "the city council"],
    "nl": ["een logistiek bedrijf", "een supermarktketen", "een bank", "een rederij", "een kleine start-up",
           "de gemeente"],
    "id": ["perusahaan ekspedisi", "jaringan supermarket", "bank swasta", "hotel di Bali", "startup e-commerce",
           "pabrik makanan"],
    "it": ["un'azienda di trasporti", "una catena di supermercati", "una banca", "un'agenzia di viaggi",
           "una piccola start-up", "un pastificio"],
    "ru": ["логистическая компания", "сеть супермаркетов", "банк", "крупный дистрибьютор", "небольшой стартап",
           "пищевое производство"],
}
TEAM_WORDS = {
    "en": {t: t for t in TEAMS},
    "nl": {ENG: "engineering", DATA: "het datateam", FIN: "finance", PPL: "HR", LEG: "juridische zaken",
           SAL: "sales", MKT: "marketing", OPS: "operations en logistiek", CS: "de klantenservice",
           SEC: "beveiliging", FAC: "facilitaire zaken", PRD: "product"},
    "id": {ENG: "engineering", DATA: "tim data", FIN: "keuangan", PPL: "HRD", LEG: "legal", SAL: "penjualan",
           MKT: "marketing", OPS: "operasional dan logistik", CS: "layanan pelanggan", SEC: "keamanan",
           FAC: "umum", PRD: "produk"},
    "it": {ENG: "sviluppo software", DATA: "analisi dati", FIN: "amministrazione", PPL: "risorse umane",
           LEG: "questioni legali", SAL: "vendite", MKT: "marketing", OPS: "logistica", CS: "servizio clienti",
           SEC: "sicurezza", FAC: "servizi generali", PRD: "prodotto"},
    "ru": {ENG: "разработка", DATA: "аналитика данных", FIN: "финансы", PPL: "HR", LEG: "юридический отдел",
           SAL: "продажи", MKT: "маркетинг", OPS: "склад и логистика", CS: "служба поддержки клиентов",
           SEC: "охрана", FAC: "хозяйственная служба", PRD: "продукт"},
}
HOME_TOWNS = {
    "en": ["Leeds", "Porto", "Penang", "Mysore", "Cardiff"],
    "nl": ["Groningen", "Zwolle", "Breda", "Maastricht", "Den Helder"],
    "id": ["Medan", "Makassar", "Yogyakarta", "Malang", "Denpasar", "Padang"],
    "it": ["Napoli", "Bari", "Verona", "Palermo", "Trento", "Genova"],
    "ru": ["Караганда", "Самарканд", "Ош", "Новосибирск", "Шымкент", "Бухара"],
}
CITY_RU = {"ala": ("Алматы", "Алматы"), "tas": ("Ташкент", "Ташкенте"), "bsk": ("Бишкек", "Бишкеке"),
           "beg": ("Белград", "Белграде")}

# People whose specialised knowledge shows only in their posts (or their languages), not in their
# title, bio or skills. Listed by hand for the README and the report; the labels do not use it.
POST_ONLY_EXPERTS = ["dmitry_volkov", "hendra_gunawan", "bram_smit", "dewi_lestari", "gabriele_rinaldi",
                     "joko_susilo", "marloes_van_leeuwen", "luca_colombo", "kamila_tursunova", "rafael_costa",
                     "wei_ling_tan"]

def _words(text: str) -> set[str]:
    return set(text.split())


_STOPWORDS = {
    "en": _words("the and is to of for in our we it you with on this that who are be my your not can have what "
                 "a an do does anyone someone i"),
    "nl": _words("de het een en van is niet wie we ik op voor met zijn naar ons onze dat die er bij kan ook nog maar "
                 "wat iemand hoe moet je"),
    "id": _words("yang dan di ke ada ini itu saya kita nggak tidak untuk dengan sudah siapa buat bisa mau dari "
                 "karena sama lagi juga ya kok gimana"),
    "it": _words("il la che di e per non un una del della chi sono ci con da mi è le gli al ho questo nel si "
                 "qualcuno come"),
}


def guess_lang(text: str) -> str:
    """Rough language of a text (for the report only): Cyrillic → ru, else the best stop-word match."""
    letters = [c for c in text if c.isalpha()]
    if letters and sum("\u0400" <= c <= "\u04ff" for c in letters) / len(letters) > 0.3:
        return "ru"
    words = re.findall(r"\w+", text.lower())
    scores = {lang: sum(w in stop for w in words) for lang, stop in _STOPWORDS.items()}
    best = max(scores, key=lambda k: (scores[k], k == "en"))
    return best if scores[best] else "en"


def ascii_handle(name: str) -> str:
    s = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "_", s).strip("_")[:30].rstrip("_")


def unique_handle(base: str, taken: dict[str, dict]) -> str:
    handle, n = base, 2
    while handle in taken:
        suffix = f"_{n}"
        handle = base[: 30 - len(suffix)] + suffix
        n += 1
    return handle


def home_lang(handle: str) -> str:
    return OFFICES[OFFICE_OF[handle]][1]


def pick_name(rng: random.Random, office: str) -> tuple[str, str]:
    """(display name, handle base) in the style of the office."""
    lang = OFFICES[office][1]
    if lang == "ru":
        female = rng.random() < 0.5
        first_lat, first_cyr = rng.choice(RU_FEMALE if female else RU_MALE)
        last_lat, last_cyr = rng.choice(RU_LAST)
        if female:
            last_lat, last_cyr = last_lat + "a", last_cyr + "а"
        shown = f"{first_cyr} {last_cyr}" if rng.random() < 0.6 else f"{first_lat} {last_lat}"
        return shown, ascii_handle(f"{first_lat} {last_lat}")
    key = lang if lang != "en" else f"en_{office}"
    firsts, lasts = NAMES[key]
    name = f"{rng.choice(firsts.split())} {rng.choice(lasts.split('|'))}"
    return name, ascii_handle(name)


def make_fillers(rng: random.Random) -> list[str]:
    used_names = {p["name"] for p in PEOPLE.values()}
    made: list[str] = []
    for office, count in FILLERS_PER_OFFICE.items():
        city, lang, _ = OFFICES[office]
        weights = dict(TEAM_WEIGHTS)
        if office in OPS_HEAVY:
            weights[OPS] *= 3
        if office in ENG_HEAVY:
            weights[ENG] *= 3
        teams = list(weights)
        for _ in range(count):
            team = rng.choices(teams, [weights[t] for t in teams])[0]
            for _attempt in range(100):
                name, base = pick_name(rng, office)
                if name not in used_names:
                    break
            used_names.add(name)
            handle = unique_handle(base, PEOPLE)
            bio_lang = lang if lang == "en" or rng.random() < 0.7 else "en"
            if bio_lang != "en" and rng.random() < 0.5:
                title = rng.choice(TITLES_LOCAL[bio_lang][team].split("|"))
            else:
                title = rng.choice(TITLES_EN[team].split("|"))
            city_name, city_loc = CITY_RU.get(office, (city, city)) if bio_lang == "ru" else (city, city)
            bio = rng.choice(BIO_FRAMES[bio_lang]).format(
                title=title, title_lc=title[0].lower() + title[1:], city=city_name, city_loc=city_loc,
                team=TEAM_WORDS[bio_lang][team], year=rng.randint(2012, 2025), hobby=rng.choice(HOBBIES[bio_lang]),
                prev=rng.choice(PREVIOUS[bio_lang]), home=rng.choice(HOME_TOWNS[bio_lang]))
            if lang == "en":
                langs = ["en"]
            elif team in (OPS, FAC, SEC) and rng.random() < 0.4:
                langs = [lang]
            else:
                langs = [lang, "en"]
            if rng.random() < 0.25:
                extra = rng.choice(FILLER_EXTRA_LANGS[office])
                if extra not in langs:
                    langs.append(extra)
            skills = [] if rng.random() < 0.15 else rng.sample(FILLER_SKILLS[team], rng.randint(1, 3))
            PEOPLE[handle] = {"handle": handle, "name": name, "title": title, "team": team, "bio": bio,
                              "skills": skills, "languages": langs}
            OFFICE_OF[handle] = office
            made.append(handle)
    return made


def compose_post(rng: random.Random, handle: str, used: set[str]) -> tuple[str, list[str]]:
    """A generic post (team news, general work, ordinary life) in the author's usual languages."""
    lang = home_lang(handle)
    team = PEOPLE[handle]["team"]
    text, tags = "", []
    for _attempt in range(40):
        r = rng.random()
        tags = []
        if lang == "en":
            kind, plang = ("team", "en") if r < 0.45 else ("work", "en") if r < 0.65 else ("life", "en")
        else:
            kind, plang = (("team", "en") if r < 0.15 else ("work", lang) if r < 0.5 else ("life", lang)
                           if r < 0.9 else ("work", "en") if r < 0.95 else ("life", "en"))
        if kind == "team":
            text = rng.choice(TEAM_POSTS_EN[team])
            if rng.random() < 0.2:
                tags = [TEAM_TAG[team]]
        elif kind == "work":
            text = rng.choice(GENERAL_WORK[plang])
        else:
            text = rng.choice(LIFE[plang])
        if kind != "life" and rng.random() < 0.35:
            text = f"{text} {rng.choice(CLOSERS[plang])}"
        if text not in used:
            break
    used.add(text)
    return text, tags


def random_moment(rng: random.Random) -> datetime:
    span = int((PERIOD_END - PERIOD_START).total_seconds() // 60)
    moment = PERIOD_START + timedelta(minutes=rng.randrange(span))
    if not 6 <= moment.hour <= 18:
        moment = moment.replace(hour=rng.randint(6, 18))
    return min(moment, PERIOD_END)


def build() -> tuple[list[dict], list[dict], list[dict]]:
    rng = random.Random(SEED)
    fillers = make_fillers(rng)
    handles_sorted = sorted(PEOPLE)
    used: set[str] = set()
    # (key, author, text, created_at, parent key or None, tags)
    posts: list[tuple[int, str, str, datetime, int | None, list[str]]] = []
    count: Counter[str] = Counter()

    def add(author: str, text: str, moment: datetime, parent: int | None = None,
            tags: list[str] | None = None) -> int:
        key = len(posts)
        posts.append((key, author, text, moment, parent, tags or []))
        count[author] += 1
        return key

    answers: Counter[str] = Counter(expert for _l, _q, expert, _a in THREADS)
    for handle in DESIGNED:
        for text in WORK_POSTS[handle]:
            add(handle, text, random_moment(rng))
        room = 9 - len(WORK_POSTS[handle]) - answers[handle]
        for _ in range(rng.randint(1, max(1, min(4, room)))):
            text, tags = compose_post(rng, handle, used)
            add(handle, text, random_moment(rng), tags=tags)
    for handle in fillers:
        for _ in range(rng.randint(3, 7)):
            text, tags = compose_post(rng, handle, used)
            add(handle, text, random_moment(rng), tags=tags)
    by_lang = {lang: [h for h in fillers if home_lang(h) == lang] for lang in LANGS}
    for lang, question, expert, answer in THREADS:
        asker = rng.choice([h for h in by_lang[lang] if count[h] < 9])
        q = add(asker, question, random_moment(rng))
        add(expert, answer, posts[q][3] + timedelta(minutes=rng.randint(8, 240)), parent=q)
    # Short replies from colleagues, in the language of the post.
    for key, author, text, moment, parent, _tags in list(posts):
        if parent is not None or rng.random() >= 0.12:
            continue
        lang = guess_lang(text)
        pool = [h for h in handles_sorted if h != author and count[h] < 10
                and (home_lang(h) == lang or (lang == "en" and "en" in PEOPLE[h]["languages"]))]
        if pool:
            add(rng.choice(pool), rng.choice(REPLIES[lang]), moment + timedelta(minutes=rng.randint(3, 300)),
                parent=key)

    order = sorted(posts, key=lambda p: (p[3], p[0]))
    ids = {p[0]: f"p-{i:05d}" for i, p in enumerate(order, start=1)}
    post_rows = []
    for key, author, text, moment, parent, tags in order:
        row: dict = {"id": ids[key], "author": author, "text": text, "created_at": moment.isoformat()}
        if parent is not None:
            row["reply_to"] = ids[parent]
        if tags:
            row["tags"] = tags
        post_rows.append(row)

    ask_rows = []
    numbers: Counter[str] = Counter()
    for ask in ASKS:
        lang = ask["language"]
        numbers[lang] += 1
        asker = ask["asker"]
        if asker is None:
            pool = [h for h in handles_sorted if h not in ask["experts"]
                    and (home_lang(h) == lang if lang != "en" else "en" in PEOPLE[h]["languages"])]
            asker = rng.choice(pool)
        ask_rows.append({"id": f"ask-{lang}-{numbers[lang]:03d}", "language": lang, "asker": asker,
                         "text": ask["text"], "skills": ask["skills"], "experts": ask["experts"]})

    people_order = list(handles_sorted)
    rng.shuffle(people_order)
    people_rows = [PEOPLE[h] for h in people_order]
    return people_rows, post_rows, ask_rows


def validate(people: list[dict], posts: list[dict], asks: list[dict]) -> list[str]:
    problems = []
    handles = {p["handle"] for p in people}
    limits = {"name": 80, "title": 100, "bio": 1000}
    for p in people:
        if not re.fullmatch(r"[a-z0-9_]{1,30}", p["handle"]):
            problems.append(f"bad handle {p['handle']}")
        for field, limit in limits.items():
            if not p[field] or len(p[field]) > limit:
                problems.append(f"{p['handle']}: {field} empty or over {limit}")
        if any(len(s) > 50 or not re.fullmatch(r"[a-z0-9.+#-]+", s) for s in p["skills"]):
            problems.append(f"{p['handle']}: a skill is not a short lowercase tag: {p['skills']}")
    per_author = Counter(p["author"] for p in posts)
    for h in handles:
        if not 3 <= per_author[h] <= 10:
            problems.append(f"{h} has {per_author[h]} posts")
    seen = set()
    for post in posts:
        if post.get("reply_to") and post["reply_to"] not in seen:
            problems.append(f"{post['id']} replies to a later post")
        seen.add(post["id"])
        if post["author"] not in handles or not 0 < len(post["text"]) <= 5000:
            problems.append(f"{post['id']}: bad author or text")
    per_lang = Counter(a["language"] for a in asks)
    for lang in LANGS:
        if per_lang[lang] < 40:
            problems.append(f"only {per_lang[lang]} asks in {lang}")
    texts = Counter(a["text"] for a in asks)
    for a in asks:
        if len(a["text"]) > 280:
            problems.append(f"{a['id']} is {len(a['text'])} characters")
        if not 1 <= len(a["experts"]) <= 3 or any(e not in handles for e in a["experts"]):
            problems.append(f"{a['id']}: experts {a['experts']}")
        if a["asker"] in a["experts"] or a["asker"] not in handles:
            problems.append(f"{a['id']}: asker {a['asker']}")
        if texts[a["text"]] > 1:
            problems.append(f"{a['id']}: duplicate text")
    return problems


def report(people: list[dict], posts: list[dict], asks: list[dict]) -> dict:
    by_handle = {p["handle"]: p for p in people}
    cross, profile_other, post_only = [], [], []
    for a in asks:
        langs_written = set()
        bio_langs = set()
        for e in a["experts"]:
            bio_langs.add(guess_lang(by_handle[e]["bio"]))
            langs_written |= {guess_lang(t) for t in WORK_POSTS[e]} | bio_langs
        if a["language"] not in langs_written:
            cross.append(a["id"])
        if a["language"] not in bio_langs:
            profile_other.append(a["id"])
        if all(e in POST_ONLY_EXPERTS for e in a["experts"]):
            post_only.append(a["id"])
    teams = Counter(p["team"] for p in people)
    per_lang = Counter(a["language"] for a in asks)
    return {
        "people": len(people), "designed_people": len(DESIGNED), "background_people": len(people) - len(DESIGNED),
        "teams": dict(sorted(teams.items())), "posts": len(posts),
        "replies": sum(1 for p in posts if p.get("reply_to")),
        "posts_per_person": {"min": min(Counter(p["author"] for p in posts).values()),
                             "max": max(Counter(p["author"] for p in posts).values())},
        "asks": len(asks), "asks_per_language": {lang: per_lang[lang] for lang in LANGS},
        "experts_per_ask": dict(sorted(Counter(len(a["experts"]) for a in asks).items())),
        "asks_with_typed_skills": sum(1 for a in asks if a["skills"]),
        "cross_language_asks": cross,
        "asks_in_another_language_than_every_expert_bio": len(profile_other),
        "asks_whose_experts_show_it_only_in_posts": post_only,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="validate and report; write nothing")
    parser.add_argument("--out-dir", type=Path, default=HERE)
    args = parser.parse_args(argv)
    people, posts, asks = build()
    problems = validate(people, posts, asks)
    if problems:
        for problem in problems[:50]:
            print(f"build: {problem}", file=sys.stderr)
        return 1
    if not args.check:
        for name, rows in (("people", people), ("posts", posts), ("asks", asks)):
            path = args.out_dir / f"{name}.jsonl"
            path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
            print(f"build: wrote {len(rows)} lines to {path}", file=sys.stderr)
    print(json.dumps(report(people, posts, asks), ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
