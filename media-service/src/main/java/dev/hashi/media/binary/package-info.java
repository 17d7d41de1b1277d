/** Binary storage: streamed, hashed, type-checked uploads into GridFS, stored once per SHA-256, and their sweeper. */
package dev.hashi.media.binary;
