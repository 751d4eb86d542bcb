/* binary-trees, C version of benches/programs/binary_trees (malloc/free per node, same output). */
#include <stdio.h>
#include <stdlib.h>

typedef struct Node { struct Node *left, *right; } Node;

static Node *bottom_up(unsigned depth) {
    Node *node = malloc(sizeof(Node));
    if (depth == 0) { node->left = node->right = NULL; }
    else { node->left = bottom_up(depth - 1); node->right = bottom_up(depth - 1); }
    return node;
}
static unsigned check(const Node *node) {
    unsigned count = 1;
    if (node->left) count += check(node->left);
    if (node->right) count += check(node->right);
    return count;
}
static void release(Node *node) {
    if (node->left) release(node->left);
    if (node->right) release(node->right);
    free(node);
}

int main(int argc, char **argv) {
    unsigned n = argc > 1 ? (unsigned)strtoul(argv[1], 0, 10) : 10;
    unsigned min_depth = 4, max_depth = min_depth + 2 > n ? min_depth + 2 : n;
    unsigned stretch_depth = max_depth + 1;
    Node *stretch = bottom_up(stretch_depth);
    printf("stretch tree of depth %u\t check: %u\n", stretch_depth, check(stretch));
    release(stretch);
    Node *long_lived = bottom_up(max_depth);
    for (unsigned depth = min_depth; depth <= max_depth; depth += 2) {
        unsigned iterations = 1u << (max_depth - depth + min_depth), total = 0;
        for (unsigned i = 0; i < iterations; i++) { Node *t = bottom_up(depth); total += check(t); release(t); }
        printf("%u\t trees of depth %u\t check: %u\n", iterations, depth, total);
    }
    printf("long lived tree of depth %u\t check: %u\n", max_depth, check(long_lived));
    release(long_lived);
    return 0;
}
