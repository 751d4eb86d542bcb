// Files: create, write, append, read back, seek/tell, pread/pwrite, truncate, stat, rename, unlink,
// hard links, symlinks and readlink, utimes.
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

static void check(const char *what, int ok) { printf("%s: %s\n", what, ok ? "ok" : strerror(errno)); }

int main(void) {
    FILE *f = fopen("/sandbox/new.txt", "w");
    check("fopen w", f != NULL);
    fputs("first line\n", f);
    fclose(f);
    f = fopen("/sandbox/new.txt", "a");
    fputs("second line\n", f);
    fclose(f);

    char buf[128] = {0};
    int fd = open("/sandbox/new.txt", O_RDWR);
    check("open rdwr", fd >= 0);
    ssize_t n = read(fd, buf, sizeof buf - 1);
    printf("read %zd bytes: %s", n, buf);
    printf("tell after read: %lld\n", (long long)lseek(fd, 0, SEEK_CUR));
    printf("seek to 6: %lld\n", (long long)lseek(fd, 6, SEEK_SET));
    memset(buf, 0, sizeof buf);
    read(fd, buf, 4);
    printf("after seek read: %s\n", buf);
    printf("seek end: %lld\n", (long long)lseek(fd, 0, SEEK_END));
    check("pwrite", pwrite(fd, "FIRST", 5, 0) == 5);
    memset(buf, 0, sizeof buf);
    check("pread", pread(fd, buf, 11, 0) == 11);
    printf("pread: %s", buf);
    printf("position unchanged by pread: %lld\n", (long long)lseek(fd, 0, SEEK_CUR));
    check("ftruncate", ftruncate(fd, 5) == 0);
    struct stat st;
    check("fstat", fstat(fd, &st) == 0);
    printf("size after truncate: %lld, regular: %d\n", (long long)st.st_size, S_ISREG(st.st_mode));
    close(fd);

    check("rename", rename("/sandbox/new.txt", "/sandbox/renamed.txt") == 0);
    check("stat old name fails", stat("/sandbox/new.txt", &st) != 0 && errno == ENOENT);
    check("link", link("/sandbox/renamed.txt", "/sandbox/hard.txt") == 0);
    check("stat link", stat("/sandbox/hard.txt", &st) == 0);
    printf("nlink: %lld\n", (long long)st.st_nlink);
    check("symlink", symlink("renamed.txt", "/sandbox/soft.txt") == 0);
    char target[64] = {0};
    ssize_t len = readlink("/sandbox/soft.txt", target, sizeof target - 1);
    printf("readlink: %zd %s\n", len, target);
    check("lstat symlink", lstat("/sandbox/soft.txt", &st) == 0);
    printf("is link: %d\n", S_ISLNK(st.st_mode));
    check("stat through symlink", stat("/sandbox/soft.txt", &st) == 0);
    printf("target size: %lld\n", (long long)st.st_size);

    struct timeval tv[2] = {{1000000000, 0}, {1200000000, 0}};
    check("utimes", utimes("/sandbox/renamed.txt", tv) == 0);
    stat("/sandbox/renamed.txt", &st);
    printf("mtime: %lld\n", (long long)st.st_mtime);

    check("unlink", unlink("/sandbox/hard.txt") == 0);
    check("unlink missing fails", unlink("/sandbox/hard.txt") != 0 && errno == ENOENT);
    check("open missing fails", open("/sandbox/missing.txt", O_RDONLY) < 0 && errno == ENOENT);
    check("O_EXCL on existing fails", open("/sandbox/renamed.txt", O_CREAT | O_EXCL | O_WRONLY, 0644) < 0 && errno == EEXIST);
    f = fopen("/sandbox/hello.txt", "r");
    memset(buf, 0, sizeof buf);
    fgets(buf, sizeof buf, f);
    fclose(f);
    printf("preexisting: %s", buf);
    return 0;
}
