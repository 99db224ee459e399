"""Colony settings, read from the environment.

Every knob an operator may turn is an environment variable documented in the
README; everything else is a fixed, sane default.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent


def _env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


DATA_DIR = Path(os.environ.get("COLONY_DATA_DIR", Path.cwd() / "colony-data")).resolve()
DATA_DIR.mkdir(parents=True, exist_ok=True)


def _secret_key() -> str:
    """Use COLONY_SECRET_KEY, or generate one once and keep it in the data dir.

    Keeping it on disk means sessions survive a restart without the operator
    having to invent a key on day one.
    """
    if key := os.environ.get("COLONY_SECRET_KEY"):
        return key
    path = DATA_DIR / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = _secret_key()
DEBUG = _env_bool("COLONY_DEBUG", False)
ALLOWED_HOSTS = [
    h.strip()
    for h in os.environ.get("COLONY_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]").split(",")
    if h.strip()
]
CSRF_TRUSTED_ORIGINS = [
    o.strip() for o in os.environ.get("COLONY_CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "ninja",
    "huey.contrib.djhuey",
    "axes",
    "csp",
    "colony.core",
    "colony.people",
    "colony.graph",
    "colony.communities",
    "colony.social",
    "colony.notifications",
    "colony.announcements",
    "colony.messaging",
    "colony.search",
    "colony.asks",
    "colony.desk",
    "colony.wiki",
    "colony.demo",
    "colony.site",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "colony.people.middleware.UserLanguageMiddleware",
    # Before anything reads the body (CSRF reads the form in process_view).
    "colony.core.middleware.RequestSizeLimitMiddleware",
    "colony.people.rate_limits.WriteRateLimitMiddleware",
    "colony.people.middleware.GuestFenceMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "csp.middleware.CSPMiddleware",
    "axes.middleware.AxesMiddleware",
    # Last, so it is the first to see what a view raised: an action's refusal becomes a page or a 4xx.
    "colony.core.middleware.ActionErrorMiddleware",
]

ROOT_URLCONF = "colony.urls"
WSGI_APPLICATION = "colony.wsgi.application"
ASGI_APPLICATION = "colony.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "colony.site.context_processors.colony",
            ],
        },
    }
]

# --- database -------------------------------------------------------------
SQLITE_PATH = DATA_DIR / "colony.sqlite3"
_database_url = os.environ.get("DATABASE_URL", "")
if _database_url.startswith(("postgres://", "postgresql://")):
    DATABASES = {"default": dj_database_url.parse(_database_url, conn_max_age=600, conn_health_checks=True)}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(SQLITE_PATH),
            "OPTIONS": {
                # IMMEDIATE avoids "database is locked" when a read transaction
                # later needs to write while the worker is writing too.
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
                "init_command": (
                    "PRAGMA journal_mode=WAL;"
                    "PRAGMA synchronous=NORMAL;"
                    "PRAGMA foreign_keys=ON;"
                    "PRAGMA cache_size=-65536;"
                    "PRAGMA mmap_size=268435456;"
                    "PRAGMA temp_store=MEMORY;"
                ),
            },
            # Tests share the database between the test thread and the live
            # server threads, which an in-memory database cannot do in WAL mode.
            "TEST": {"NAME": str(DATA_DIR / "test-colony.sqlite3")},
            # Each web thread keeps its connection (see asgi.py).
            "CONN_MAX_AGE": 600,
            "CONN_HEALTH_CHECKS": True,
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
IS_SQLITE = DATABASES["default"]["ENGINE"].endswith("sqlite3")

# --- auth -----------------------------------------------------------------
AUTH_USER_MODEL = "people.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# API tokens issued without an expiry last this many days (0: until revoked).
COLONY_TOKEN_DAYS = int(os.environ.get("COLONY_TOKEN_DAYS", "0"))
LOGIN_URL = "signin"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "signin"

# Sign-in throttling: a lock per account and, separately, per address.
AXES_FAILURE_LIMIT = int(os.environ.get("COLONY_SIGNIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("COLONY_SIGNIN_COOLOFF_MINUTES", "15")) / 60
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "colony.people.throttle.locked_out"
AXES_VERBOSE = False
# Behind COLONY_PROXY_COUNT reverse proxies the client is the address the
# outermost proxy saw: the COLONY_PROXY_COUNT-th entry of X-Forwarded-For from
# the right (each proxy appends the address it was reached from). Without
# proxies that header is the client's own invention, so only REMOTE_ADDR counts.
# django-ipware counts the proxies *listed* in the header, one fewer.
PROXY_COUNT = int(os.environ.get("COLONY_PROXY_COUNT", "0"))
AXES_IPWARE_PROXY_COUNT = PROXY_COUNT - 1 if PROXY_COUNT else None
AXES_IPWARE_META_PRECEDENCE_ORDER = ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR") if PROXY_COUNT else ("REMOTE_ADDR",)

# --- i18n -----------------------------------------------------------------
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("nl", _("Dutch")),
    ("id", _("Indonesian")),
    ("it", _("Italian")),
    ("ru", _("Russian")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "UTC"
USE_TZ = True

# --- files ----------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
# colony/static is not part of an installed app, so name it for the finders.
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT.mkdir(exist_ok=True)
MEDIA_URL = "/media/"
MEDIA_ROOT = DATA_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG
# A request body that is not an upload (JSON, forms) is small: the longest
# text anyone may send is 100,000 characters.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FILES = 10

COLONY_MAX_POST_LENGTH = 5000
# People one post may mention (each is notified): more is a broadcast, which communities are for.
COLONY_MAX_MENTIONS = int(os.environ.get("COLONY_MAX_MENTIONS", "50"))
COLONY_MAX_AVATAR_BYTES = int(os.environ.get("COLONY_MAX_AVATAR_BYTES", 2 * 1024 * 1024))
COLONY_MAX_ATTACHMENT_BYTES = int(os.environ.get("COLONY_MAX_ATTACHMENT_BYTES", 10 * 1024 * 1024))
COLONY_MAX_ATTACHMENTS = 4
# Pixels in an uploaded image, checked from its header before it is decoded.
COLONY_MAX_IMAGE_PIXELS = int(os.environ.get("COLONY_MAX_IMAGE_PIXELS", "40000000"))
# How many entries each person's stored home feed keeps; older pages are
# computed from the follow graph on demand.
COLONY_FEED_CAP = int(os.environ.get("COLONY_FEED_CAP", "800"))
# Analysis: BLAS threads per process (read by colony/__init__.py before numpy
# loads; 1 keeps request threads from fighting over the cores).
COLONY_EMBEDDING_THREADS = int(os.environ.get("COLONY_EMBEDDING_THREADS", "1"))
# Asks: how many people are notified at once, how long before widening to
# the next ones when nobody has answered, how many rounds at most, and how
# many asks one person is sent per day.
COLONY_ASK_NOTIFY = int(os.environ.get("COLONY_ASK_NOTIFY", "10"))
COLONY_ASK_WIDEN_MINUTES = float(os.environ.get("COLONY_ASK_WIDEN_MINUTES", "120"))
COLONY_ASK_ROUNDS = int(os.environ.get("COLONY_ASK_ROUNDS", "3"))
COLONY_ASK_DAILY_CAP = int(os.environ.get("COLONY_ASK_DAILY_CAP", "5"))
# Email is optional: with COLONY_SMTP_HOST set, people matched to an ask
# also get an email; without it, only in-app and live notifications.
EMAIL_HOST = os.environ.get("COLONY_SMTP_HOST", "")
EMAIL_PORT = int(os.environ.get("COLONY_SMTP_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("COLONY_SMTP_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("COLONY_SMTP_PASSWORD", "")
EMAIL_USE_TLS = _env_bool("COLONY_SMTP_TLS", True)
DEFAULT_FROM_EMAIL = os.environ.get("COLONY_EMAIL_FROM", "colony@localhost")
COLONY_EMAIL_ENABLED = bool(EMAIL_HOST)
COLONY_BASE_URL = os.environ.get("COLONY_BASE_URL", "http://127.0.0.1:8000").rstrip("/")
if _env_bool("COLONY_SECURE_COOKIES", False) and COLONY_BASE_URL.startswith("http://"):
    # Served over HTTPS: links in emails must not send people (and reset tokens) over plain HTTP.
    COLONY_BASE_URL = "https://" + COLONY_BASE_URL.removeprefix("http://")
COLONY_MAX_RESPONSE_BYTES = int(os.environ.get("COLONY_MAX_RESPONSE_BYTES", 10 * 1024 * 1024))
# The largest request body with files: a post with all its attachments, plus
# room for the form around them. Refused from Content-Length before reading.
COLONY_MAX_UPLOAD_REQUEST_BYTES = max(
    COLONY_MAX_ATTACHMENTS * COLONY_MAX_ATTACHMENT_BYTES, COLONY_MAX_RESPONSE_BYTES, COLONY_MAX_AVATAR_BYTES,
) + 1024 * 1024

# --- background work ------------------------------------------------------
_redis_url = os.environ.get("COLONY_REDIS_URL", "")
HUEY = {
    "name": "colony",
    "immediate": _env_bool("COLONY_TASKS_IMMEDIATE", False),
    "utc": True,
    "consumer": {"workers": int(os.environ.get("COLONY_WORKERS", "2")), "worker_type": "thread"},
}
if _redis_url:
    HUEY.update({"huey_class": "huey.RedisHuey", "url": _redis_url})
else:
    HUEY.update({"huey_class": "huey.SqliteHuey", "filename": str(DATA_DIR / "tasks.sqlite3")})

# --- caches and sessions --------------------------------------------------
# The cache holds write-rate counters (and little else): in memory for one
# process, in Redis when there is one so every web process shares them.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
if _redis_url:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": _redis_url,
                          "KEY_PREFIX": "colony"}}
# Writes (posts, edits, reactions, messages, uploads…) one person or one API
# token may make per minute and per hour before getting 429 and Retry-After; 0 turns a window off.
COLONY_WRITE_RATE_PER_MINUTE = int(os.environ.get("COLONY_WRITE_RATE_PER_MINUTE", "60"))
COLONY_WRITE_RATE_PER_HOUR = int(os.environ.get("COLONY_WRITE_RATE_PER_HOUR", "1000"))
COLONY_TOKEN_WRITE_RATE_PER_MINUTE = int(os.environ.get("COLONY_TOKEN_WRITE_RATE_PER_MINUTE", "30"))
SESSION_ENGINE = "django.contrib.sessions.backends.db"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = _env_bool("COLONY_SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Behind a TLS-terminating proxy, trust its X-Forwarded-Proto (only then: a
# client talking to Colony directly could send the header itself).
if PROXY_COUNT:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# HTTPS only, once the site is served over HTTPS: browsers remember it for a year.
SECURE_HSTS_SECONDS = int(os.environ.get("COLONY_HSTS_SECONDS", "31536000" if SESSION_COOKIE_SECURE else "0"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = _env_bool("COLONY_HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_SSL_REDIRECT = _env_bool("COLONY_SSL_REDIRECT", False)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
# Colony uses no camera, microphone, location, payment or USB: no page (or
# anything injected into one) may ask for them.
PERMISSIONS_POLICY: dict[str, list[str]] = {
    feature: [] for feature in (
        "accelerometer", "ambient-light-sensor", "autoplay", "bluetooth", "browsing-topics", "camera",
        "display-capture", "geolocation", "gyroscope", "hid", "idle-detection", "magnetometer", "microphone",
        "midi", "payment", "publickey-credentials-get", "screen-wake-lock", "serial", "usb", "xr-spatial-tracking",
    )
}

# No inline scripts or styles anywhere: the policy enforces it.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
    }
}

NINJA_PAGINATION_MAX_LIMIT = 40

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("COLONY_LOG_LEVEL", "WARNING")},
    "loggers": {"axes": {"level": "ERROR"}},
}
