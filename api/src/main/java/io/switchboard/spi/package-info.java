/**
 * The binding SPI: what a broker binding implements so that the core producer can drive it. A binding is
 * found with {@link java.util.ServiceLoader} as a {@link io.switchboard.spi.BindingProvider}; it only
 * translates between bytes-level records and its client, and owns nothing portable.
 */
package io.switchboard.spi;
