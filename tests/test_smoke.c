#include "sitrep.h"
#include <stdio.h>
#include <string.h>
int main(void)
{
    const char *t = "close\n\nA headline about things\n\nThe army said on Monday that it killed 12 militants near Mosul.\n";
    sitrep_doc *d;
    if (sitrep_doc_from_memory("x", t, strlen(t), NULL, NULL, &d) != SITREP_OK)
        return 1;
    int ok = sitrep_doc_title(d) && strcmp(sitrep_doc_title(d), "A headline about things") == 0;
    sitrep_doc_free(d);
    printf("%s\n", ok ? "ok" : "FAIL");
    return ok ? 0 : 1;
}
