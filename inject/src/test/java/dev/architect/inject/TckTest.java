package dev.architect.inject;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Stream;
import junit.framework.AssertionFailedError;
import junit.framework.Test;
import junit.framework.TestCase;
import junit.framework.TestListener;
import junit.framework.TestResult;
import junit.framework.TestSuite;
import org.atinject.tck.Tck;
import org.atinject.tck.auto.Car;
import org.atinject.tck.auto.Convertible;
import org.atinject.tck.auto.Drivers;
import org.atinject.tck.auto.DriversSeat;
import org.atinject.tck.auto.Engine;
import org.atinject.tck.auto.FuelTank;
import org.atinject.tck.auto.Seat;
import org.atinject.tck.auto.Tire;
import org.atinject.tck.auto.V8Engine;
import org.atinject.tck.auto.accessories.Cupholder;
import org.atinject.tck.auto.accessories.SpareTire;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The JSR-330 TCK (jakarta.inject-tck 2.0.1), with static and private injection supported: its 61
 * JUnit 3 tests are walked into JUnit 5 dynamic tests. Runs in a fork of its own because static
 * injection changes global state.
 */
class TckTest {
  static Car car() {
    Container container = Container.create(binder -> {
      binder.bind(Car.class).to(Convertible.class);
      binder.bind(Seat.class).annotatedWith(Drivers.class).to(DriversSeat.class);
      binder.bind(Engine.class).to(V8Engine.class);
      binder.bind(Tire.class).named("spare").to(SpareTire.class);
      binder.bind(Cupholder.class);
      binder.bind(Tire.class);
      binder.bind(FuelTank.class);
      binder.requestStaticInjection(Convertible.class, Tire.class, SpareTire.class);
    });
    return container.getInstance(Car.class);
  }

  @TestFactory
  Stream<DynamicTest> jsr330() {
    Test suite = Tck.testsFor(car(), true, true);
    List<DynamicTest> tests = new ArrayList<>();
    collect(suite, tests);
    assertThat(tests).as("the TCK's test count").hasSize(61);
    return tests.stream();
  }

  private static void collect(Test test, List<DynamicTest> into) {
    if (test instanceof TestSuite suite) {
      for (Enumeration<Test> e = suite.tests(); e.hasMoreElements(); ) {
        collect(e.nextElement(), into);
      }
    } else if (test instanceof TestCase testCase) {
      into.add(DynamicTest.dynamicTest(testCase.getClass().getSimpleName() + "." + testCase.getName(),
          () -> run(testCase)));
    }
  }

  private static void run(TestCase testCase) throws Throwable {
    TestResult result = new TestResult();
    List<Throwable> failures = new ArrayList<>();
    result.addListener(new TestListener() {
      @Override
      public void addError(Test test, Throwable t) {
        failures.add(t);
      }

      @Override
      public void addFailure(Test test, AssertionFailedError t) {
        failures.add(t);
      }

      @Override
      public void endTest(Test test) {}

      @Override
      public void startTest(Test test) {}
    });
    testCase.run(result);
    if (!failures.isEmpty()) {
      throw failures.getFirst();
    }
  }
}
