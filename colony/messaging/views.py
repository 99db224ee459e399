from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from colony.core.errors import ActionError
from colony.core.typing import AuthedHttpRequest
from colony.core.web import refuses_back_to

from . import actions, selectors


@login_required
def inbox(request: AuthedHttpRequest) -> HttpResponse:
    return render(request, "messaging/inbox.html", {"rows": selectors.inbox(request.user), "place": "messages"})


@login_required
@require_http_methods(["GET", "POST"])
def new(request: AuthedHttpRequest) -> HttpResponse:
    error = None
    handles = request.POST.get("participants", request.GET.get("to", ""))
    text = request.POST.get("text", "")
    if request.method == "POST":
        try:
            conversation = actions.do_start_conversation(
                sender=request.user, handles=handles.replace(",", " ").split(), text=text,
                uploads=[(f, f.name or "file") for f in request.FILES.getlist("attachments")],
            )
        except ActionError as exc:  # shown on the form, so what was typed stays
            error = exc.message
        else:
            return HttpResponseRedirect(reverse("conversation", args=[conversation.pk]))
    return render(request, "messaging/new.html", {"participants": handles, "text": text, "error": error,
                                                  "place": "messages"}, status=400 if error else 200)


@login_required
def conversation(request: AuthedHttpRequest, conversation_id: int) -> HttpResponse:
    found = actions.access_conversation(request.user, conversation_id)
    actions.do_mark_read(user=request.user, conversation=found)
    return render(request, "messaging/conversation.html", {
        "conversation": found, "messages": selectors.messages(found),
        "people": [p for p in selectors.participants(found) if p.pk != request.user.pk], "place": "messages",
    })


@login_required
@require_POST
@refuses_back_to("messages")
def send(request: AuthedHttpRequest, conversation_id: int) -> HttpResponse:
    found = actions.access_conversation(request.user, conversation_id)
    if request.POST.get("leave"):
        actions.do_leave(user=request.user, conversation=found)
        return HttpResponseRedirect(reverse("messages"))
    uploads = [(f, f.name or "file") for f in request.FILES.getlist("attachments")]
    actions.do_send_message(sender=request.user, conversation=found, text=request.POST.get("text", ""),
                            uploads=uploads)
    return HttpResponseRedirect(reverse("conversation", args=[conversation_id]) + "#composer-end")
