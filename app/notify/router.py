"""Push subscriptions and notification settings of the signed-in user (any role)."""

from __future__ import annotations

from fastapi import APIRouter, Response, status

from app.auth.deps import CurrentUser
from app.core.clock import utcnow
from app.core.config import get_settings
from app.core.db import SessionDep
from app.core.errors import InvalidInput
from app.core.openapi import problem_responses
from app.notify import preferences, push
from app.notify.schemas import (
    EndpointIn,
    NotificationSettingsOut,
    NotificationSettingsPatch,
    PushKeyOut,
    SubscriptionIn,
    SubscriptionOut,
)
from app.notify.subscriptions import count_subscriptions, remove_subscription, save_subscription

router = APIRouter(prefix="/api/v1/me", tags=["notifications"])


@router.get("/push-key", response_model=PushKeyOut)
def push_key(_: CurrentUser) -> PushKeyOut:
    """The VAPID public key to subscribe with (`enabled: false` when this server sends none)."""
    if not get_settings().push_enabled:
        return PushKeyOut(enabled=False, public_key=None)
    return PushKeyOut(enabled=True, public_key=push.public_key())


@router.post(
    "/push-subscriptions",
    response_model=SubscriptionOut,
    status_code=status.HTTP_201_CREATED,
    responses={200: {"description": "Already stored (keys refreshed)", "model": SubscriptionOut}},
)
def subscribe(
    body: SubscriptionIn, user: CurrentUser, session: SessionDep, response: Response
) -> SubscriptionOut:
    """Store the browser's PushSubscription (201; 200 when this endpoint was already yours)."""
    row, created = save_subscription(
        session, user, body.endpoint, body.keys.p256dh, body.keys.auth, utcnow()
    )
    if not created:
        response.status_code = status.HTTP_200_OK
    return SubscriptionOut(id=row.id, endpoint=row.endpoint)


@router.delete(
    "/push-subscriptions", status_code=status.HTTP_204_NO_CONTENT, responses=problem_responses(404)
)
def unsubscribe(body: EndpointIn, user: CurrentUser, session: SessionDep) -> None:
    """Forget a subscription by its endpoint (after `PushSubscription.unsubscribe()`)."""
    remove_subscription(session, user, body.endpoint)


def _settings_out(session: SessionDep, user: CurrentUser) -> NotificationSettingsOut:
    row = preferences.settings_of(session, user.id)
    return NotificationSettingsOut.model_validate(
        {
            **preferences.view_of(user, row),
            "timezone": user.timezone,
            "subscriptions": count_subscriptions(session, user),
        }
    )


@router.get("/notification-settings", response_model=NotificationSettingsOut)
def read_settings(user: CurrentUser, session: SessionDep) -> NotificationSettingsOut:
    """Which notifications you get, and at which local times."""
    return _settings_out(session, user)


@router.patch("/notification-settings", response_model=NotificationSettingsOut)
def change_settings(
    body: NotificationSettingsPatch, user: CurrentUser, session: SessionDep
) -> NotificationSettingsOut:
    """Switch kinds on or off and set the times (HH:MM in your time zone); partial."""
    allowed = preferences.fields_for(user.role)
    changes: dict[str, object] = {}
    for kind, on in body.kinds.items():
        if kind not in allowed:
            raise InvalidInput(f"kinds.{kind}", f"is not a notification a {user.role} gets")
        changes[kind] = on
    for name in preferences.TIMES:
        value = getattr(body, name)
        if value is None:
            continue
        if name not in allowed:
            raise InvalidInput(name, f"is not a setting of a {user.role}")
        changes[name] = preferences.parse_time(value)
    preferences.change_settings(session, user, changes, utcnow())
    return _settings_out(session, user)
