from django.apps import AppConfig


class GraphConfig(AppConfig):
    """Who follows, mutes and blocks whom: the social graph, beneath posts."""

    name = "colony.graph"
    label = "graph"
