package dev.architect.eventstore;

import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * An event-sourced aggregate in a functional style: an initial state, {@link #apply} to fold an event
 * into a state, and {@link #decide} to turn a command into new events. Nothing is mutated; the state is
 * whatever the events fold into. {@link AggregateRepository} loads, decides and saves it.
 *
 * <pre>{@code
 * Aggregate<Long, Deposit, Deposited> counter = Aggregate.of(0L,
 *     (balance, e) -> balance + e.amount(),
 *     (balance, c) -> List.of(new Deposited(c.amount())));
 * }</pre>
 *
 * <p>{@code apply} must be a pure, total function of its arguments (it is replayed on every load, and
 * on snapshots). {@code decide} may reject a command by throwing; the exception reaches the caller of
 * {@link AggregateRepository#handle} unchanged and nothing is written. Implementations must be
 * thread-safe (stateless ones are).
 *
 * @param <S> the state type (immutable; a record to be snapshotted)
 * @param <C> the command type
 * @param <E> the event type (records registered in an {@link EventCodec}, or an interface they share)
 */
public interface Aggregate<S, C, E> {
  /** The state before any event. */
  S initialState();

  /** The state after {@code event}. */
  S apply(S state, E event);

  /**
   * The events that {@code command} produces in {@code state}: none (a no-op), or some, in order.
   *
   * @throws RuntimeException of the implementation's choice to reject the command
   */
  List<E> decide(S state, C command);

  /** An aggregate made of its three parts. */
  static <S, C, E> Aggregate<S, C, E> of(S initialState, BiFunction<S, E, S> apply,
      BiFunction<S, C, List<E>> decide) {
    Objects.requireNonNull(apply, "apply");
    Objects.requireNonNull(decide, "decide");
    return new Aggregate<>() {
      @Override
      public S initialState() {
        return initialState;
      }

      @Override
      public S apply(S state, E event) {
        return apply.apply(state, event);
      }

      @Override
      public List<E> decide(S state, C command) {
        return decide.apply(state, command);
      }
    };
  }
}
