/**
 * Repository trust on the client side: reading a {@code RepositoryUntrusted} error, the text of the consent dialog,
 * and retrying a create or rebuild once the user trusts the repository (see docs/security.md).
 */
package io.gitspaces.jetbrains.core.trust;
