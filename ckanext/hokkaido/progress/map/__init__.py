"""The municipality map of the progress pages: SVG paths and GeoJSON geometries of Hokkaido's
179 municipalities (and the 6 northern-territory villages, drawn but not counted), from
国土数値情報 N03 packaged in ``data/``. Pure Python; nothing is read outside the package.

    from ckanext.hokkaido.progress.map import shapes
    shapes.shapes(), shapes.view_box(), shapes.subprefecture_view_boxes(), shapes.CREDIT

Modules: ``shapes`` (the public API), ``topology`` (TopoJSON decoding), ``merge`` (dissolving
Sapporo's wards), ``planar`` (ring geometry), ``projection`` (degrees to SVG units),
``svg_path`` (path data).
"""
