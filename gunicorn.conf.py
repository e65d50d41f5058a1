"""gunicorn settings for ToKt: `gunicorn -c gunicorn.conf.py tokt.wsgi`.

No access log and no client addresses in the error log (tokt/lib/gunicorn_logging.py).
Override the bind address with GUNICORN_BIND and the worker count with GUNICORN_WORKERS.
"""

import os

wsgi_app = "tokt.wsgi"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8001")
workers = int(os.environ.get("GUNICORN_WORKERS", "3"))
timeout = 30
accesslog = None
errorlog = "-"
loglevel = "warning"
logger_class = "tokt.lib.gunicorn_logging.NoAddressLogger"
# Do not trust X-Forwarded-For for anything gunicorn logs; Django reads the proxy's headers itself.
forwarded_allow_ips = "127.0.0.1"
