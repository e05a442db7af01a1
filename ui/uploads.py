"""Which files the upload tab may read: only those that arrived through this app's own upload route.

A client names the file it wants added by its server path (Gradio's FileData). Gradio's own check
of that path is skipped in a mounted app, so any .txt/.pdf on the server could be read into the
graph, and a URL would be downloaded. The registry is checked before Gradio touches the path
(`guard_component`) and again by the upload handler:

    uploads = UploadRegistry(folder, issued)   # issued: the paths the upload route handed out
    path = uploads.check(client_path)          # the file, or UploadRefused
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path
from typing import Any

from ui.state import UploadRefused

__all__ = ["UploadRegistry", "guard_component"]

NOT_UPLOADED = "只能添加通过本页面上传的文件 (only files uploaded through this page can be added)"


class UploadRegistry:
    def __init__(self, folder: str | Path, issued: Collection[str]) -> None:
        self.folder = Path(folder).resolve()
        self.issued = issued  # shared with the upload route (Gradio's Blocks.upload_file_set): read live

    def check(self, path: Any) -> Path:
        """The uploaded file at `path`, or UploadRefused: not issued by the upload route, outside
        the upload folder (after resolving links), or not a regular file."""
        if not isinstance(path, (str, Path)) or str(path) not in self.issued:
            raise UploadRefused(NOT_UPLOADED)
        candidate = Path(path)
        try:
            resolved = candidate.resolve(strict=True)
        except (OSError, RuntimeError):
            raise UploadRefused(NOT_UPLOADED) from None
        if candidate.is_symlink() or not resolved.is_file() or not resolved.is_relative_to(self.folder):
            raise UploadRefused(NOT_UPLOADED)
        return resolved


def guard_component(component: Any, uploads: UploadRegistry) -> None:
    """Make a gr.File input refuse any path the registry refuses before Gradio copies or downloads
    it (a URL in FileData.path would otherwise be fetched from the server)."""
    import gradio as gr

    plain, in_route = component.move_resource_to_block_cache, component.async_move_resource_to_block_cache

    def check(path: Any) -> None:
        if path is not None:
            try:
                uploads.check(path)
            except UploadRefused as exc:
                raise gr.Error(str(exc)) from None  # shown to the client, no server traceback

    def checked(path: Any) -> Any:
        check(path)
        return plain(path)

    async def checked_async(path: Any) -> Any:
        check(path)
        return await in_route(path)

    component.move_resource_to_block_cache = checked
    component.async_move_resource_to_block_cache = checked_async
