// Arguments and environment.
// args: one two "three four" --flag
// env: GREETING=hello
// env: EMPTY=
// env: WITH_EQUALS=a=b
#include <stdio.h>
#include <stdlib.h>

extern char **environ;

int main(int argc, char **argv) {
    printf("argc=%d\n", argc);
    for (int i = 1; i < argc; i++) printf("argv[%d]=%s\n", i, argv[i]);
    const char *keys[] = {"GREETING", "EMPTY", "WITH_EQUALS", "MISSING"};
    for (int i = 0; i < 4; i++) {
        const char *v = getenv(keys[i]);
        printf("%s=%s\n", keys[i], v ? v : "(unset)");
    }
    int n = 0;
    for (char **e = environ; *e; e++) n++;
    printf("environ entries: %d\n", n);
    return 0;
}
