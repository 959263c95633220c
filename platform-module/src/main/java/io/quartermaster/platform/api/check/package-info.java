/** The invariant checker's vocabulary, shared by every module's check. */
package io.quartermaster.platform.api.check;
