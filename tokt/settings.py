"""ToKt settings: one module, configured by environment variables (see .env.example)."""

from __future__ import annotations

from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from tokt.lib.env import env_bool, env_int, env_list, env_str
from tokt.lib.secret_key import load_or_create, private_file

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("TOKT_VAR_DIR", str(BASE_DIR / "var")))

# development | production | test
ENVIRONMENT = env_str("TOKT_ENV", "development")
if ENVIRONMENT not in {"development", "production", "test"}:
    raise ImproperlyConfigured("TOKT_ENV must be development, production or test")
PRODUCTION = ENVIRONMENT == "production"

DEBUG = env_bool("TOKT_DEBUG", default=ENVIRONMENT == "development")
DEMO_MODE = env_bool("TOKT_DEMO_MODE", default=False)

_secret = env_str("TOKT_SECRET_KEY")
if PRODUCTION:
    if DEBUG:
        raise ImproperlyConfigured("TOKT_DEBUG must be off in production.")
    if DEMO_MODE:
        raise ImproperlyConfigured("TOKT_DEMO_MODE is not allowed in production: it relaxes two-factor login.")
    if not _secret or len(_secret) < 50 or _secret.startswith("django-insecure"):
        raise ImproperlyConfigured("Production needs TOKT_SECRET_KEY (at least 50 random characters).")
SECRET_KEY = _secret or load_or_create(VAR_DIR / "secret_key")
# The audit trail's anchors outside the database (tokt/audit/anchor.py): an HMAC key
# and a signed checkpoint file. Keep both out of reach of whoever can write the database.
AUDIT_KEY = env_str("TOKT_AUDIT_KEY") or load_or_create(VAR_DIR / "audit_key")
AUDIT_CHECKPOINT_FILE = Path(env_str("TOKT_AUDIT_CHECKPOINT_FILE", str(VAR_DIR / "audit-checkpoint.json")))

ALLOWED_HOSTS = env_list("TOKT_ALLOWED_HOSTS", [] if PRODUCTION else ["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("TOKT_CSRF_TRUSTED_ORIGINS", [])
PUBLIC_BASE_URL = env_str("TOKT_PUBLIC_BASE_URL", "http://127.0.0.1:8000")

# Two-factor login is required for every role unless demo mode relaxes it.
OTP_REQUIRED = not DEMO_MODE

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.forms",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "csp",
    "simple_history",
    "tokt.core",
    "tokt.audit",
    "tokt.accounts",
    "tokt.screening",
    "tokt.knowledge",
    "tokt.directory",
    "tokt.public",
    "tokt.cases",
    "tokt.stats",
    "tokt.selfcheck",
    "tokt.training",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "tokt.core.middleware.SecurityHeadersMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "tokt.core.middleware.NorwegianUnlessChosenMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "tokt.core.csrf.NoReferrerCsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "tokt.audit.middleware.RefusalAuditMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "tokt.accounts.middleware.SessionLifetimeMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "tokt.urls"
WSGI_APPLICATION = "tokt.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "tokt.core.context_processors.site",
            ],
        },
    }
]
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

# SQLite is the embedded default; PostgreSQL by one variable.
DATABASES = {
    "default": dj_database_url.parse(
        env_str("TOKT_DATABASE_URL", f"sqlite:///{VAR_DIR / 'tokt.sqlite3'}"),
        conn_max_age=env_int("TOKT_DB_CONN_MAX_AGE", 0),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    _name = str(DATABASES["default"]["NAME"])
    if _name and _name != ":memory:" and not _name.startswith("file:"):
        # Created before SQLite opens it, so the database (and its journals, which copy
        # its mode) are never readable by other local users.
        private_file(Path(_name))
    # IMMEDIATE takes the write lock at the start of a transaction, so the
    # audit chain is extended by one writer at a time.
    DATABASES["default"].setdefault("OPTIONS", {})["transaction_mode"] = "IMMEDIATE"
    DATABASES["default"]["OPTIONS"]["timeout"] = 20
    _test_db = env_str("TOKT_TEST_SQLITE_FILE")
    if _test_db:
        DATABASES["default"]["TEST"] = {"NAME": _test_db}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher"]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "core:home"

# Sessions: idle timeout renewed on every request, plus an absolute lifetime.
SESSION_IDLE_SECONDS = env_int("TOKT_SESSION_IDLE_MINUTES", 15, minimum=1) * 60
SESSION_MAX_SECONDS = env_int("TOKT_SESSION_MAX_HOURS", 8, minimum=1) * 3600
# The stored session outlives the idle timeout so that SessionLifetimeMiddleware,
# not silent expiry, ends it and can tell the user why.
SESSION_COOKIE_AGE = SESSION_MAX_SECONDS
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = PRODUCTION
# Session-only CSRF cookie: the public tip form is the only public page that
# sets a cookie, and it must not outlive the browser session (tokt.public).
CSRF_COOKIE_AGE = None
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SECURE = PRODUCTION
CSRF_FAILURE_VIEW = "tokt.core.views.csrf_failure"
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_SECURE = PRODUCTION
if PRODUCTION:
    # __Host- cookies are sent only over HTTPS, to this host, for every path: no
    # subdomain or plain-HTTP page can set or overwrite them.
    SESSION_COOKIE_NAME = "__Host-tokt_session"
    CSRF_COOKIE_NAME = "__Host-tokt_csrf"
    LANGUAGE_COOKIE_NAME = "__Host-tokt_language"

# Login throttling (django-axes), keyed on the user name only: no IP address
# or user agent is stored (see tokt.accounts.axes_handler).
AXES_FAILURE_LIMIT = env_int("TOKT_LOGIN_FAILURE_LIMIT", 5, minimum=1)
# A short delay that doubles with every further failure (1, 2, 4 ... minutes), capped:
# nobody can lock a known colleague out for long, and an administrator can unlock.
LOCKOUT_MAX_MINUTES = env_int("TOKT_LOCKOUT_MINUTES", 15, minimum=1)
AXES_COOLOFF_TIME = "tokt.accounts.axes_handler.cool_off"
AXES_LOCKOUT_PARAMETERS = ["username"]
AXES_RESET_ON_SUCCESS = True
AXES_DISABLE_ACCESS_LOG = True
AXES_HANDLER = "tokt.accounts.axes_handler.AnonymousDatabaseHandler"
AXES_CLIENT_IP_CALLABLE = "tokt.accounts.axes_handler.no_client_ip"
AXES_LOCKOUT_CALLABLE = "tokt.accounts.views.locked_out"
AXES_VERBOSE = False
# Lockout is per user name on purpose: locking by IP address would mean storing
# IP addresses, which ToKt never does.
# security.W003 looks for Django's CsrfViewMiddleware by name; ToKt runs a
# subclass of it (tokt/core/csrf.py) so forms work under Referrer-Policy:
# no-referrer. Tests prove a missing token or a foreign origin is refused.
SILENCED_SYSTEM_CHECKS = ["axes.W006", "security.W003"]
AXES_ENABLE_ADMIN = False

# Security headers.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "no-referrer"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_SSL_REDIRECT = env_bool("TOKT_SSL_REDIRECT", default=PRODUCTION)
SECURE_HSTS_SECONDS = env_int("TOKT_HSTS_SECONDS", 31536000 if PRODUCTION else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = PRODUCTION
SECURE_HSTS_PRELOAD = PRODUCTION
if env_bool("TOKT_BEHIND_PROXY", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
    }
}
DATA_UPLOAD_MAX_MEMORY_SIZE = 512 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 600

LANGUAGE_CODE = "nb"
LANGUAGES = [("nb", _("Norsk bokmål")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Oslo"

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
# Outside production, whitenoise serves straight from the source folders.
WHITENOISE_USE_FINDERS = not PRODUCTION
WHITENOISE_AUTOREFRESH = not PRODUCTION
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

# Logs carry no personal data, IP addresses or user agents: the request
# loggers that print client addresses are silenced.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "django.server": {"handlers": [], "level": "CRITICAL", "propagate": False},
        "django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False},
        "django.security.DisallowedHost": {"handlers": [], "level": "CRITICAL", "propagate": False},
        "axes": {"handlers": [], "level": "CRITICAL", "propagate": False},
    },
}

NETWORK_NAME = "ToKt Salten"
# Closed tips from the public are deleted after this many days (bin/tokt purge-tips, run daily).
TIP_RETENTION_DAYS = env_int("TOKT_TIP_RETENTION_DAYS", 180, minimum=1)

# Cases: closed cases are anonymised this many months after the last activity
# (bin/tokt / manage.py anonymise_cases, run daily); the owner is warned a month ahead.
CASE_RETENTION_MONTHS = env_int("TOKT_CASE_RETENTION_MONTHS", 12, minimum=1)
# Outside the owning agency a country of origin is shown only if at least this
# many cases name it; rarer countries are shown as their region.
# Statistics outside the owning agency hide counts below this (shown as "<3").
STATS_THRESHOLD = env_int("TOKT_STATS_THRESHOLD", 3, minimum=2)
# Differential-privacy budget (epsilon) per year for public releases, in thousandths (1000 = 1.0).
STATS_DP_BUDGET_PER_YEAR = env_int("TOKT_STATS_DP_BUDGET_MILLI", 1000, minimum=1) / 1000
CASE_RARE_COUNTRY_MIN = env_int("TOKT_CASE_RARE_COUNTRY_MIN", 10, minimum=1)

# E-mail: off (console in development, nothing sent in production) until
# TOKT_EMAIL_HOST is set; then SMTP with the settings below (.env.example).
_email_host = env_str("TOKT_EMAIL_HOST", "")
if _email_host:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = _email_host
    EMAIL_PORT = env_int("TOKT_EMAIL_PORT", 587, minimum=1)
    EMAIL_HOST_USER = env_str("TOKT_EMAIL_USER", "")
    EMAIL_HOST_PASSWORD = env_str("TOKT_EMAIL_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("TOKT_EMAIL_TLS", default=True)
    EMAIL_TIMEOUT = 10
    if not env_str("TOKT_EMAIL_FROM", ""):
        raise ImproperlyConfigured("TOKT_EMAIL_HOST is set: set TOKT_EMAIL_FROM too.")
elif PRODUCTION:
    EMAIL_BACKEND = "django.core.mail.backends.dummy.EmailBackend"
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = env_str("TOKT_EMAIL_FROM", "") or "ToKt <noreply@tokt.invalid>"
