"""E-mail, the outbox's first job type. SMTP when MAIL_SERVER is set; otherwise each message is
written as an .eml file under instance/mail/ so it can be read in development and tests."""

from __future__ import annotations

import smtplib
from email.message import EmailMessage
from email.utils import make_msgid
from pathlib import Path

from flask import current_app, render_template
from flask_babel import force_locale

from marketplace.core import outbox


def queue_mail(to: str, template: str, language: str, key: str | None = None, **context) -> None:
    """Render `<template>.txt` (subject on its first line) in `language` and queue it for sending."""
    with force_locale(language):
        rendered = render_template(f"{template}.txt", **context)
    subject, _, body = rendered.lstrip().partition("\n")
    outbox.enqueue(
        "mail.send",
        {"to": to, "subject": subject.strip(), "body": body.strip() + "\n"},
        key=key,
    )


def _build(job: outbox.OutboxJob) -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = current_app.config["MAIL_DEFAULT_SENDER"]
    msg["To"] = job.payload["to"]
    msg["Subject"] = job.payload["subject"]
    # One Message-ID per job: a retried delivery is recognisably the same message.
    msg["Message-ID"] = make_msgid(idstring=f"outbox-{job.id}", domain="ordos-export.example")
    msg.set_content(job.payload["body"])
    return msg


@outbox.handler("mail.send")
def send_mail(job: outbox.OutboxJob) -> None:
    msg = _build(job)
    cfg = current_app.config
    if cfg.get("MAIL_SERVER"):
        with smtplib.SMTP(cfg["MAIL_SERVER"], cfg["MAIL_PORT"], timeout=30) as smtp:
            if cfg.get("MAIL_USE_TLS"):
                smtp.starttls()
            if cfg.get("MAIL_USERNAME"):
                smtp.login(cfg["MAIL_USERNAME"], cfg["MAIL_PASSWORD"] or "")
            smtp.send_message(msg)
        return
    folder = Path(cfg["MAIL_FILE_DIR"])
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{job.id:08d}.eml").write_bytes(bytes(msg))
