/*
 * render.h -- what a person reads and what other tools read, made from the
 * records of the output contract (../shared/CONTRACT.md): the situation
 * report (Markdown, and one self-contained HTML page with a timeline, a
 * map and trend charts) and the exports (JSON Lines, ACLED-style CSV,
 * GeoJSON).
 *
 * Every function takes the records as jansson objects, in the order
 * `sitrep extract` writes them (documents, stories, entities, claims,
 * events, conflicts, trends; other types are ignored), borrows them, and
 * writes through a sitrep_write_fn.  The report types them into its model
 * first (model.h) and renders from that.  Article text is untrusted: the HTML
 * page escapes every string it shows, and the CSV quotes every field.
 */
#ifndef SITREP_RENDER_H
#define SITREP_RENDER_H

#include "core/core.h"

#include <jansson.h>

/* The situation report in Markdown: stories, the key figures with their
 * outlets and conflicts, events, trends with their projections. */
sitrep_status sr_render_markdown(json_t *const *recs, size_t n, sitrep_write_fn write, void *ctx);

/* The same as one self-contained HTML page (no network: styles inline,
 * charts and the map as inline SVG): events on a timeline and on a map
 * over country outlines, trend charts, every figure linked to its quotes. */
sitrep_status sr_render_html(json_t *const *recs, size_t n, sitrep_write_fn write, void *ctx);


/* Exports. JSON Lines: the records as given, one per line. CSV: the
 * events, one row each, under ACLED's column names. GeoJSON: a
 * FeatureCollection of the events (and places) with coordinates. */
sitrep_status sr_export_jsonl(json_t *const *recs, size_t n, sitrep_write_fn write, void *ctx);
sitrep_status sr_export_acled_csv(json_t *const *recs, size_t n, sitrep_write_fn write, void *ctx);
sitrep_status sr_export_geojson(json_t *const *recs, size_t n, sitrep_write_fn write, void *ctx);

/* A point of the map (render_map.c). */
typedef struct sr_map_point {
    double lat, lon;
    const char *label;  /* shown on hover (<title>), escaped; may be NULL */
    const char *href;   /* "#anchor" the dot links to, escaped; may be NULL */
    double weight;      /* dot size grows with it (e.g. fatalities); 0 for the smallest */
} sr_map_point;

/* Writes one <svg> element, width x height pixels: the country outlines
 * (compiled from Natural Earth via the world-atlas package at build time)
 * in the region that holds the points, with a margin, and a dot per point.
 * With no points, the whole world. */
sitrep_status sr_render_map(const sr_map_point *pts, size_t n, int width, int height,
                            sitrep_write_fn write, void *ctx);

#endif
