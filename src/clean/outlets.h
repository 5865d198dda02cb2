/*
 * outlets.h -- news outlets and wire services (compiled from
 * data/outlets.tsv by tools/mkoutlets.c).
 */
#ifndef SITREP_OUTLETS_H
#define SITREP_OUTLETS_H

#include <stdbool.h>
#include <stddef.h>

typedef struct sr_outlet_key {
    const char *key;   /* lower case */
    int canon;         /* index into sr_outlet_canon */
} sr_outlet_key;

extern const char *const sr_outlet_canon[];
extern const sr_outlet_key sr_outlet_names[];
extern const size_t sr_outlet_names_count;
extern const sr_outlet_key sr_outlet_hosts[];
extern const size_t sr_outlet_hosts_count;

/* Canonical outlet for a name or alias ("AP", "associated press"), else NULL.
 * A leading "The " is optional. */
const char *sr_outlet_lookup(const char *s, size_t n);

/* Canonical outlet for a URL's host ("https://www.apnews.com/x"), else NULL;
 * subdomains match their parent domain. */
const char *sr_outlet_from_url(const char *url);

/* Does s[0..n) read like the name of a news organisation ("The Daily
 * Star", "Kabul Press Agency")? */
bool sr_outlet_like(const char *s, size_t n);

#endif
