/**
 * The only place where sources, catalogers and codecs are wired together. The CLI and the server call
 * these engines, so every answer the server gives can be reproduced with one CLI command.
 */
package dev.assay.engine;
