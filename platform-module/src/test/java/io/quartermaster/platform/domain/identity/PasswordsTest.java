package io.quartermaster.platform.domain.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordsTest {

    @Test
    void aHashVerifiesItsPasswordAndNoOther() {
        String hash = Passwords.hash("correct horse battery staple");
        assertThat(hash).startsWith("pbkdf2-sha256$" + Passwords.ITERATIONS + "$").doesNotContain("horse");
        assertThat(Passwords.matches("correct horse battery staple", hash)).isTrue();
        assertThat(Passwords.matches("correct horse battery stapler", hash)).isFalse();
        assertThat(Passwords.matches("anything", "plain-text")).isFalse();
    }

    @Test
    void theSamePasswordHashesDifferentlyEachTime() {
        assertThat(Passwords.hash("same password")).isNotEqualTo(Passwords.hash("same password"));
    }

    @Test
    void generatedPasswordsAreLongAndDifferent() {
        String a = Passwords.generate();
        assertThat(a).hasSize(20).matches("[A-Za-z0-9]+");
        assertThat(Passwords.generate()).isNotEqualTo(a);
    }

    @Test
    void apiKeysAreRandomAndHashedWithSha256() {
        String key = ApiKeys.generate();
        assertThat(key).startsWith("qm_").hasSize(46);
        assertThat(ApiKeys.generate()).isNotEqualTo(key);
        assertThat(ApiKeys.hash(key)).hasSize(64).isEqualTo(ApiKeys.hash(key)).doesNotContain(key.substring(3));
        assertThat(ApiKeys.hash("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(ApiKeys.displayPrefix(key)).hasSize(9).isEqualTo(key.substring(0, 9));
    }
}
