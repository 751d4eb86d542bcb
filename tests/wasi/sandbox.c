// Escapes are refused: `..` past the preopen, absolute paths outside every preopen, and symlinks
// (relative or absolute) that point outside. The harness creates `escape -> ../outside` and
// `abs -> /etc` inside the preopen and `outside/secret.txt` next to it.
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void try_open(const char *path) {
    int fd = open(path, O_RDONLY);
    if (fd >= 0) {
        printf("open %s: OPENED (escape!)\n", path);
        close(fd);
    } else {
        printf("open %s: refused (%s)\n", path, errno == ENOTCAPABLE ? "ENOTCAPABLE" : errno == EPERM ? "EPERM" : strerror(errno));
    }
}

int main(void) {
    try_open("/sandbox/../outside/secret.txt");
    try_open("/sandbox/sub/../../outside/secret.txt");
    try_open("/etc/passwd");
    try_open("/sandbox/escape/secret.txt");
    try_open("/sandbox/abs/passwd");
    int inside = open("/sandbox/sub/../hello.txt", O_RDONLY);
    printf("open /sandbox/sub/../hello.txt (inside): %s\n", inside >= 0 ? "ok" : strerror(errno));
    printf("mkdir outside: %s\n", mkdir("/sandbox/../made_outside", 0755) == 0 ? "CREATED (escape!)" : "refused");
    printf("create through symlink: %s\n", open("/sandbox/escape/new.txt", O_CREAT | O_WRONLY, 0644) >= 0 ? "CREATED (escape!)" : "refused");
    return 0;
}
