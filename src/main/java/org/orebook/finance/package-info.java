/**
 * Finance models of a results release beyond the operating tables: the hedge book and its mark to
 * market, guidance against actuals, development-project economics (cash flows, NPV, IRR, payback,
 * sensitivities) and capital actions (the preferred-to-common exchange offer).
 *
 * <p>Every model is exact {@link java.math.BigDecimal} arithmetic over plain records; nothing here
 * reads files or lays out tables (the {@code data} package reads the inputs, the {@code release}
 * package turns results into traceable figures and tables). Depends on {@code quantity} and
 * {@code model} only.
 */
package org.orebook.finance;
