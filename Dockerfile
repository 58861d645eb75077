# Loadline: build the PWA, install the API, run migrations then uvicorn.
FROM node:20-bookworm-slim AS frontend
WORKDIR /src/frontend
COPY frontend/package.json frontend/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY frontend/ ./
RUN npm run build

FROM python:3.11-slim-bookworm
ENV PYTHONUNBUFFERED=1 PYTHONDONTWRITEBYTECODE=1 ENVIRONMENT=production
WORKDIR /app
RUN useradd --create-home --uid 10001 loadline
COPY requirements-runtime.lock ./
RUN pip install --no-cache-dir uv \
    && uv pip install --system --no-cache -r requirements-runtime.lock
COPY alembic.ini ./
COPY app/ app/
COPY migrations/ migrations/
COPY --from=frontend /src/frontend/dist frontend/dist
RUN mkdir -p var && chown loadline var
USER loadline
EXPOSE 8000
# DATABASE_URL, SECRET_KEY and (while PUSH_ENABLED) VAPID_PRIVATE_KEY and VAPID_SUBJECT come from
# the environment and are required here (README "Notifications": `python -m app.notify keys`).
# Behind a reverse proxy, set FORWARDED_ALLOW_IPS to its address so that limits count real
# client addresses (README, "Security"). Password-reset mail needs SMTP_HOST (and SMTP_PORT,
# SMTP_USERNAME, SMTP_PASSWORD, SMTP_SECURITY, MAIL_FROM as the relay wants) and PUBLIC_BASE_URL
# (README "Password reset"); without SMTP_HOST no mail is sent.
CMD ["sh", "-c", "alembic upgrade head && exec uvicorn app.main:app --host 0.0.0.0 --port 8000 --proxy-headers --workers ${WEB_CONCURRENCY:-2}"]
