// Directories: mkdir, readdir (sorted), rmdir, errors for non-empty and non-directories.
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int cmp(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static void list(const char *path) {
    DIR *d = opendir(path);
    if (!d) {
        printf("opendir %s: %s\n", path, strerror(errno));
        return;
    }
    char *names[64];
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL && n < 64) {
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) {
            char entry[300];
            const char *kind = e->d_type == DT_DIR ? "/" : e->d_type == DT_LNK ? "@" : e->d_type == DT_REG ? "" : "?";
            snprintf(entry, sizeof entry, "%s%s", e->d_name, kind);
            names[n++] = strdup(entry);
        }
    }
    closedir(d);
    qsort(names, n, sizeof *names, cmp);
    printf("%s:", path);
    for (int i = 0; i < n; i++) {
        printf(" %s", names[i]);
        free(names[i]);
    }
    printf("\n");
}

int main(void) {
    list("/sandbox");
    list("/sandbox/sub");
    printf("mkdir: %d\n", mkdir("/sandbox/made", 0755));
    printf("mkdir nested: %d\n", mkdir("/sandbox/made/inner", 0755));
    printf("mkdir existing: %d %s\n", mkdir("/sandbox/made", 0755), strerror(errno));
    FILE *f = fopen("/sandbox/made/inner/file.txt", "w");
    fputs("x", f);
    fclose(f);
    for (int i = 0; i < 20; i++) {
        char name[64];
        snprintf(name, sizeof name, "/sandbox/made/f%02d", 19 - i);
        fclose(fopen(name, "w"));
    }
    list("/sandbox/made");
    printf("rmdir non-empty: %d %s\n", rmdir("/sandbox/made/inner"), strerror(errno));
    printf("unlink: %d\n", unlink("/sandbox/made/inner/file.txt"));
    printf("rmdir: %d\n", rmdir("/sandbox/made/inner"));
    printf("opendir file: ");
    list("/sandbox/hello.txt");
    printf("rmdir file: %d %s\n", rmdir("/sandbox/hello.txt"), strerror(errno));
    printf("rename dir: %d\n", rename("/sandbox/sub", "/sandbox/moved"));
    list("/sandbox/moved");
    struct stat st;
    printf("stat dir: %d isdir=%d\n", stat("/sandbox/moved", &st), S_ISDIR(st.st_mode));
    return 0;
}
