"""`flask bots …`: register the webhooks of a deployment, or poll Telegram on a developer's machine."""

import time

import click
from flask import current_app
from flask.cli import AppGroup
from sqlalchemy.exc import SQLAlchemyError

from bots import inbox
from bots.common import texts
from bots.line.client import line_client
from bots.telegram.client import telegram_client
from bots.telegram.views import receive_updates
from webapp.chats import events

bots_cli = AppGroup("bots", help="LINE and Telegram bots.")

@bots_cli.command("set-webhooks")
@click.option("--base-url", help="Public https address of this app (default: PUBLIC_BASE_URL).")
def set_webhooks(base_url: str | None) -> None:
    """Point LINE and Telegram at this app's webhooks (each one that is configured)."""
    base = (base_url or current_app.config["PUBLIC_BASE_URL"] or "").rstrip("/")
    if not base.startswith("https://"):
        raise click.UsageError("give --base-url https://… or set PUBLIC_BASE_URL (both platforms require https)")
    config, done = current_app.config, 0
    if config["LINE_CHANNEL_SECRET"] and config["LINE_CHANNEL_ACCESS_TOKEN"]:
        line_client().set_webhook(f"{base}/bots/line/webhook")
        click.echo(f"LINE webhook: {base}/bots/line/webhook")
        done += 1
    if config["TELEGRAM_BOT_TOKEN"] and config["TELEGRAM_WEBHOOK_SECRET"]:
        telegram_client().set_webhook(f"{base}/bots/telegram/webhook", config["TELEGRAM_WEBHOOK_SECRET"],
                                      texts.TELEGRAM_MENU)
        click.echo(f"Telegram webhook: {base}/bots/telegram/webhook")
        done += 1
    if not done:
        raise click.ClickException("no bot is configured: set LINE_* and/or TELEGRAM_* (see README)")


@bots_cli.command("telegram-poll")
@click.option("--once", is_flag=True, help="Handle one batch of updates and stop.")
@click.option("--timeout", default=30, show_default=True, help="Long-polling wait in seconds.")
def telegram_poll(once: bool, timeout: int) -> None:
    """Fetch Telegram updates by long polling (no public URL needed); Ctrl-C stops."""
    if not current_app.config["TELEGRAM_BOT_TOKEN"]:
        raise click.ClickException("set TELEGRAM_BOT_TOKEN first (see README)")
    client, offset = telegram_client(), None
    client.delete_webhook()
    click.echo("polling Telegram; Ctrl-C stops", err=True)
    while True:
        updates = client.updates(offset, timeout)
        if updates:
            receive_updates([u.to_dict() for u in updates], answer_now=True)
            offset = updates[-1].update_id + 1
        if once:
            return


@bots_cli.command("work")
@click.option("--once", is_flag=True, help="Answer what is waiting and stop.")
@click.option("--idle", default=0.2, show_default=True, help="Seconds to wait when nothing is waiting.")
def work(once: bool, idle: float) -> None:
    """Answer stored chat events (run beside the web app when CHAT_ANSWER_INLINE=0); Ctrl-C stops."""
    click.echo(f"{events.waiting()} chat events waiting", err=True)
    while True:
        try:
            answered = inbox.process()
        except SQLAlchemyError as error:  # the database is away: wait for it rather than stop
            click.echo(f"database unavailable, waiting: {error}", err=True)
            answered = 0
            time.sleep(5)
        if once:
            click.echo(f"answered {answered} chat events", err=True)
            return
        if not answered:
            time.sleep(idle)

