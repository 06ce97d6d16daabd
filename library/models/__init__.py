from .media import CustomDocument, CustomImage, CustomRendition
from .pages import (
    EvaluationIndexPage,
    EvaluationReportDocument,
    EvaluationReportPage,
    RelatedResource,
    ResourceAuthor,
    ResourceDocument,
    ResourceIndexPage,
    ResourcePage,
)
from .taxonomy import Audience, ResourceType, Topic

__all__ = [
    "Audience",
    "CustomDocument",
    "CustomImage",
    "CustomRendition",
    "EvaluationIndexPage",
    "EvaluationReportDocument",
    "EvaluationReportPage",
    "RelatedResource",
    "ResourceAuthor",
    "ResourceDocument",
    "ResourceIndexPage",
    "ResourcePage",
    "ResourceType",
    "Topic",
]
