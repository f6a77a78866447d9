/** Logged bandit feedback ({@link dev.quiver.ope.bandit.data.LoggedBanditData}) and its readers: the Open Bandit Dataset and plain CSV logs. */
package dev.quiver.ope.bandit.data;
