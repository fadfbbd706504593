"""The desktop app: a thin PySide6 adapter over load -> tailor -> render.

The only package in briefer that imports Qt; the core never imports anything from here.
"""
