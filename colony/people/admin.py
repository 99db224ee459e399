from __future__ import annotations

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.utils.translation import gettext_lazy as _

from .models import ApiToken, Skill, SpokenLanguage, Team, User


class SpokenLanguageInline(admin.TabularInline):
    model = SpokenLanguage
    extra = 1


@admin.register(User)
class PersonAdmin(UserAdmin):
    list_display = ("username", "display_name", "title", "team", "location", "is_active", "is_staff")
    list_filter = ("is_active", "is_staff", "team")
    search_fields = ("username", "display_name", "email", "title")
    ordering = ("username",)
    autocomplete_fields = ("manager",)
    filter_horizontal = ("skills", "groups", "user_permissions")
    inlines = [SpokenLanguageInline]
    fieldsets = (
        (None, {"fields": ("username", "password")}),
        (_("Profile"), {"fields": ("display_name", "email", "title", "team", "manager", "location", "time_zone",
                                   "bio", "avatar", "skills", "ui_language", "theme")}),
        (_("Permissions"), {"fields": ("is_active", "is_staff", "is_superuser", "groups", "user_permissions")}),
        (_("Important dates"), {"fields": ("last_login", "date_joined")}),
    )


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin):
    list_display = ("name", "slug")
    search_fields = ("name", "slug")
    prepopulated_fields = {"slug": ("name",)}


@admin.register(Skill)
class SkillAdmin(admin.ModelAdmin):
    search_fields = ("name",)


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ("user", "created_at", "last_used_at")
    readonly_fields = ("user", "key_hash", "created_at", "last_used_at")
    search_fields = ("user__username",)

    def has_add_permission(self, request) -> bool:  # tokens are issued through the API only
        return False
