package dev.architect.fiber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.architect.fiber.Fiber.Implementation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The behaviours PHP's own fiber tests check (Zend/tests/fibers), against both implementations.
 */
class FiberTest {
  @ParameterizedTest
  @EnumSource(Implementation.class)
  void startResumeAndReturn(Implementation impl) {
    Fiber fiber = new Fiber(impl, args -> {
      Object first = Fiber.suspend("first:" + args[0]);
      Object second = Fiber.suspend("second:" + first);
      return "done:" + second;
    });
    assertThat(fiber.isStarted()).isFalse();
    assertThat(fiber.start("a")).isEqualTo("first:a");
    assertThat(fiber.isSuspended()).isTrue();
    assertThat(fiber.resume("b")).isEqualTo("second:b");
    assertThat(fiber.resume("c")).isNull();
    assertThat(fiber.isTerminated()).isTrue();
    assertThat(fiber.getReturn()).isEqualTo("done:c");
  }

  @ParameterizedTest
  @EnumSource(Implementation.class)
  void fiberThatNeverSuspendsReturnsNullFromStart(Implementation impl) {
    Fiber fiber = new Fiber(impl, args -> (Integer) args[0] + (Integer) args[1]);
    assertThat(fiber.start(40, 2)).isNull();
    assertThat(fiber.getReturn()).isEqualTo(42);
  }

  @ParameterizedTest
  @EnumSource(Implementation.class)
  void statusWhileRunningSuspendedAndTerminated(Implementation impl) {
    List<String> seen = new ArrayList<>();
    Fiber[] self = new Fiber[1];
    self[0] = new Fiber(impl, args -> {
      seen.add("running=" + self[0].isRunning() + " suspended=" + self[0].isSuspended() + " current="
          + (Fiber.current() == self[0]));
      Fiber.suspend();
      return null;
    });
    self[0].start();
    seen.add("running=" + self[0].isRunning() + " suspended=" + self[0].isSuspended());
    self[0].resume();
    assertThat(seen).containsExactly("running=true suspended=false current=true", "running=false suspended=true");
    assertThat(self[0].isRunning()).isFalse();
    assertThat(self[0].isTerminated()).isTrue();
    assertThat(Fiber.current()).isNull();
  }

  @ParameterizedTest
  @EnumSource(Implementation.class)
  void misuseRaisesPhpErrors(Implementation impl) {
    Fiber fiber = new Fiber(impl, args -> Fiber.suspend());
    assertThatThrownBy(fiber::resume).isInstanceOf(FiberException.class)
        .hasMessage("cannot resume a fiber that is not suspended");
    assertThatThrownBy(fiber::getReturn).hasMessage("cannot get fiber return value: the fiber has not been started");
    fiber.start();
    assertThatThrownBy(fiber::start).isInstanceOf(FiberException.class)
        .hasMessage("cannot start a fiber that has already been started");
    assertThatThrownBy(fiber::getReturn).hasMessage("cannot get fiber return value: the fiber has not returned");
    fiber.resume();
    assertThatThrownBy(fiber::resume).hasMessage("cannot resume a fiber that is not suspended");
    assertThatThrownBy(() -> fiber.throwInto(new RuntimeException()))
        .hasMessage("cannot resume a fiber that is not suspended");
    assertThatThrownBy(Fiber::suspend).isInstanceOf(FiberException.class).hasMessage("cannot suspend outside of fiber");
  }

  @ParameterizedTest
  @EnumSource(Implementation.class)
  void resumingItselfIsAnError(Implementation impl) {
    Fiber[] self = new Fiber[1];
    self[0] = new Fiber(impl, args -> {
      self[0].resume();
      return null;
    });
    assertThatThrownBy(() -> self[0].start()).isInstanceOf(FiberException.class)
        .hasMessage("cannot resume a fiber that is not suspended");
    assertThatThrownBy(() -> self[0].getReturn()).hasMessage("cannot get fiber return value: the fiber threw an exception");
  }

  @ParameterizedTest
  @EnumSource(Implementation.class)
  void exceptionsEscapeFromTheCallThatRanThem(Implementation impl) {
    IOException boom = new IOException("boom");
    Fiber fiber = new Fiber(impl, args -> {
      Fiber.suspend();
      throw boom;
    });
    fiber.start();
    assertThatThrownBy(fiber::resume).isSameAs(boom);
    assertThat(fiber.isTerminated()).isTrue();
    assertThatThrownBy(fiber::getReturn).hasMessage("cannot get fiber return value: the fiber threw an exception");
  }

  @ParameterizedTest
  @EnumSource(Implementation.class)
  void throwIntoMakesSuspendThrow(Implementation impl) {
    Fiber fiber = new Fiber(impl, args -> {
      try {
        Fiber.suspend("waiting");
        return "not reached";
      } catch (IllegalArgumentException e) {
        return "caught " + e.getMessage();
      }
    });
    fiber.start();
    assertThat(fiber.throwInto(new IllegalArgumentException("bad"))).isNull();
    assertThat(fiber.getReturn()).isEqualTo("caught bad");

    Fiber uncaught = new Fiber(impl, args -> Fiber.suspend());
    uncaught.start();
    IllegalStateException e = new IllegalStateException("through");
    assertThatThrownBy(() -> uncaught.throwInto(e)).isSameAs(e);
  }

  @ParameterizedTest
  @EnumSource(Implementation.class)
  void nestedFibersSuspendToTheirOwnCaller(Implementation impl) {
    List<String> log = new ArrayList<>();
    Fiber[] outer = new Fiber[1];
    outer[0] = new Fiber(impl, args -> {
      Fiber inner = new Fiber(impl, innerArgs -> {
        log.add("inner sees outer running=" + outer[0].isRunning() + " current is inner="
            + (Fiber.current() != outer[0]));
        Object v = Fiber.suspend("from inner");
        log.add("inner resumed with " + v);
        return "inner done";
      });
      log.add("outer got " + inner.start());
      log.add("outer current=" + (Fiber.current() == outer[0]));
      Object fromMain = Fiber.suspend("from outer");
      inner.resume(fromMain);
      return inner.getReturn();
    });
    assertThat(outer[0].start()).isEqualTo("from outer");
    assertThat(outer[0].resume("x")).isNull();
    assertThat(outer[0].getReturn()).isEqualTo("inner done");
    assertThat(log).containsExactly("inner sees outer running=true current is inner=true", "outer got from inner",
        "outer current=true", "inner resumed with x");
  }

  @ParameterizedTest
  @EnumSource(Implementation.class)
  void closeUnwindsRunningFinallyBlocks(Implementation impl) {
    List<String> log = new ArrayList<>();
    Fiber fiber = new Fiber(impl, args -> {
      try {
        Fiber.suspend();
        log.add("not reached");
        return null;
      } finally {
        log.add("finally ran");
      }
    });
    fiber.start();
    fiber.close();
    assertThat(log).containsExactly("finally ran");
    assertThat(fiber.isTerminated()).isTrue();
    assertThatThrownBy(fiber::getReturn)
        .hasMessage("cannot get fiber return value: the fiber was closed before it returned");
    fiber.close(); // again: nothing
  }

  @ParameterizedTest
  @EnumSource(Implementation.class)
  void aCatchAllCannotSwallowTheUnwind(Implementation impl) {
    List<String> log = new ArrayList<>();
    Fiber fiber = new Fiber(impl, args -> {
      while (true) {
        try {
          Fiber.suspend();
        } catch (Throwable t) {
          log.add("caught " + t.getClass().getSimpleName());
          try {
            Fiber.suspend(); // suspending during the unwind is an error
          } catch (FiberException e) {
            log.add(e.getMessage());
            throw e;
          }
        }
      }
    });
    fiber.start();
    fiber.close();
    assertThat(fiber.isTerminated()).isTrue();
    assertThat(log).containsExactly("caught Unwind", "cannot suspend in a force-closed fiber");
  }

  @ParameterizedTest
  @EnumSource(Implementation.class)
  void closingANewFiberOrARunningOne(Implementation impl) {
    Fiber unstarted = new Fiber(impl, args -> "never");
    unstarted.close();
    assertThat(unstarted.isTerminated()).isTrue();
    assertThatThrownBy(unstarted::start).hasMessage("cannot start a fiber that has already been started");

    Fiber[] self = new Fiber[1];
    self[0] = new Fiber(impl, args -> {
      self[0].close();
      return null;
    });
    assertThatThrownBy(() -> self[0].start()).hasMessage("cannot close a running fiber");
  }

  @ParameterizedTest
  @EnumSource(Implementation.class)
  void manyFibersInterleave(Implementation impl) {
    List<Fiber> fibers = new ArrayList<>();
    StringBuilder trace = new StringBuilder();
    for (int i = 0; i < 3; i++) {
      int id = i;
      fibers.add(new Fiber(impl, args -> {
        for (int step = 0; step < 3; step++) {
          trace.append(id);
          Fiber.suspend();
        }
        return id;
      }));
    }
    fibers.forEach(Fiber::start);
    while (fibers.stream().anyMatch(Fiber::isSuspended)) {
      fibers.stream().filter(Fiber::isSuspended).forEach(Fiber::resume);
    }
    assertThat(trace).hasToString("012012012");
  }

  @ParameterizedTest
  @EnumSource(Implementation.class)
  void startPassesArgumentsIncludingNull(Implementation impl) {
    Fiber fiber = new Fiber(impl, args -> args.length + ":" + args[0]);
    fiber.start((Object) null);
    assertThat(fiber.getReturn()).isEqualTo("1:null");
  }
}
