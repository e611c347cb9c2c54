package dev.architect.cli.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Lab 10's output is computed each run: these check what it found, not fixed text. */
class Lab10EventSourcingTest {
  private static String output;

  @BeforeAll
  static void runTheLab() throws Exception {
    StringWriter text = new StringWriter();
    try (PrintWriter out = new PrintWriter(text)) {
      new Lab10EventSourcing().run(out);
    }
    output = text.toString();
  }

  @Test
  void turnsCommandsIntoEventsAndRejectsTheOverdraft() {
    assertThat(output).contains("== 1. Commands in, events out (overdraft limit 50)")
        .containsPattern("Deposit\\[amount=100] +-> \\[Deposited\\[amount=100, memo=deposit #1]] +balance +100 +\\(v1\\)")
        .contains("Withdraw[amount=200]           -> rejected: withdrawing 200 would take the balance to -85, below "
            + "the overdraft limit of -50")
        .containsPattern("Withdraw\\[amount=160] +-> \\[Withdrawn\\[amount=160]] +balance +-45 +\\(v4\\)")
        .contains("-> rejected: amount must be > 0, was 0");
  }

  @Test
  void printsTheStreamAsStored() {
    assertThat(output).contains("== 2. The stream account-ada, as stored")
        .containsPattern("v0  pos 1  Opened +\\{\"owner\":\"Ada\",\"overdraft\":50} +\\{schema-version=1}")
        .containsPattern("v4  pos 5  Withdrawn +\\{\"amount\":160} +\\{schema-version=1}");
  }

  @Test
  void projectsBalancesCatchingUpLiveAndRebuilt() {
    assertThat(output).contains("catch-up: 7 events in batches of 3, checkpoint 8 (store's last position 8)",
        "live: bob withdraws 20; projected through the subscription: true",
        "rebuild from zero: 8 events; progress after each batch: 3/9 7/9 9/9 9/9");
    assertThat(output.lines().filter(l -> l.matches(" +account-bob +balance +50 +\\(3 events\\)")).count()).isEqualTo(2);
    assertThat(output.lines().filter(l -> l.matches(" +account-ada +balance +-45 +\\(5 events\\)")).count()).isEqualTo(3);
  }

  @Test
  void loadsFromASnapshotWithFewerEventsReplayed() {
    assertThat(output).contains("24 events on account-cy; snapshots saved: 4, kept in stream snapshot-account-cy: "
            + "[v9, v14, v19]")
        .containsPattern("load with snapshot: +from the snapshot at v19, +4 events replayed -> Account\\[owner=Cy, "
            + "balance=2100, overdraft=0, transactions=23]")
        .containsPattern("load without snapshot: from the first event, +24 events replayed -> Account\\[owner=Cy, "
            + "balance=2100, overdraft=0, transactions=23]")
        .contains("same state: true, same version: true");
  }

  @Test
  void travelsInTimeAndUpcastsOldEvents() {
    assertThat(output).contains("after v0: balance    0, 0 transactions", "after v3: balance  115, 3 transactions",
        "after v4: balance  -45, 4 transactions",
        "stored:  {\"amount\":5} with headers {schema-version=1}",
        "decoded: Deposited[amount=5, memo=(written before memos existed)]",
        "account-ada now: Account[owner=Ada, balance=-40, overdraft=50, transactions=5]",
        "an unregistered event type fails the load: EventDecodingException: no Java type registered for event type "
            + "'Audited' (stream 'account-ada', version 6)");
  }
}
