// Circuit files through the C ABI: qdcnn_circuit_from_qasm / from_qsim / to_qasm against the
// test-local reference simulator and against circuits built gate by gate.
#include <gtest/gtest.h>

#include <cmath>
#include <complex>
#include <random>
#include <string>
#include <vector>

#include "io/parsed_circuit.h"
#include "qdcnn/qdcnn.h"
#include "reference_state.h"

namespace qdcnn::io {
namespace {

using testing::Complex;

std::string last_error() {
  const char* message = nullptr;
  qdcnn_error_message(&message);
  return message == nullptr ? "" : message;
}

// Runs a circuit from |0...0> in complex128 and returns its amplitudes.
std::vector<Complex> run_library(qdcnn_circuit* circuit, const std::vector<double>& params = {},
                                 int32_t fusion = 0) {
  int32_t n_qubits = 0;
  EXPECT_EQ(qdcnn_circuit_info(circuit, &n_qubits, nullptr, nullptr, nullptr), QDCNN_OK);
  qdcnn_simulator* simulator = nullptr;
  qdcnn_state* state = nullptr;
  EXPECT_EQ(qdcnn_simulator_create(QDCNN_PRECISION_COMPLEX128, &simulator), QDCNN_OK);
  EXPECT_EQ(qdcnn_simulator_set_fusion(simulator, fusion), QDCNN_OK);
  EXPECT_EQ(qdcnn_state_create(n_qubits, QDCNN_PRECISION_COMPLEX128, &state), QDCNN_OK);
  EXPECT_EQ(qdcnn_simulator_run(simulator, circuit, params.empty() ? nullptr : params.data(),
                                params.size(), nullptr, 0, state),
            QDCNN_OK)
      << last_error();
  std::vector<double> interleaved(size_t{2} << n_qubits);
  EXPECT_EQ(qdcnn_state_get_amplitudes(state, interleaved.data(), interleaved.size()), QDCNN_OK);
  qdcnn_state_destroy(state);
  qdcnn_simulator_destroy(simulator);
  std::vector<Complex> amplitudes(interleaved.size() / 2);
  for (size_t k = 0; k < amplitudes.size(); ++k) amplitudes[k] = {interleaved[2 * k], interleaved[2 * k + 1]};
  return amplitudes;
}

qdcnn_circuit* from_qasm(const std::string& text) {
  qdcnn_circuit* circuit = nullptr;
  EXPECT_EQ(qdcnn_circuit_from_qasm(text.data(), text.size(), &circuit), QDCNN_OK) << last_error();
  return circuit;
}

std::string to_qasm(const qdcnn_circuit* circuit, const std::vector<double>& params = {}) {
  size_t required = 0;
  const double* p = params.empty() ? nullptr : params.data();
  EXPECT_EQ(qdcnn_circuit_to_qasm(circuit, p, params.size(), nullptr, 0, nullptr, 0, &required), QDCNN_OK)
      << last_error();
  std::string text(required + 1, '\0');
  EXPECT_EQ(qdcnn_circuit_to_qasm(circuit, p, params.size(), nullptr, 0, text.data(), text.size(), &required),
            QDCNN_OK)
      << last_error();
  EXPECT_EQ(text[required], '\0');
  text.resize(required);
  return text;
}

const char* const kEveryGateQasm =
    "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[4];\n"
    "h q; ry(0.3) q[1]; u3(0.4,-0.2,1.1) q[3]; u2(0.5,0.25) q[2];\n"
    "x q[0]; y q[1]; z q[2]; s q[3]; sdg q[0]; t q[1]; tdg q[2]; sx q[3]; id q[0];\n"
    "rx(pi/3) q[0]; rz(-pi/5) q[2]; p(0.7) q[1]; u1(0.2) q[3];\n"
    "cx q[0],q[3]; cz q[1],q[2]; swap q[3],q[1]; crx(0.3) q[2],q[0]; cry(-0.9) q[0],q[1];\n"
    "crz(1.3) q[3],q[2]; cp(0.6) q[1],q[3]; cu1(0.25) q[2],q[1];\n"
    "rxx(0.8) q[0],q[2]; ryy(-0.4) q[3],q[0]; rzz(1.9) q[1],q[3];\n";

TEST(CircuitFilesCapi, QasmRunsLikeTheReference) {
  qdcnn_circuit* circuit = from_qasm(kEveryGateQasm);
  ASSERT_NE(circuit, nullptr);
  const auto expected = testing::run(parse_qasm(kEveryGateQasm), true);
  EXPECT_LT(testing::distance(run_library(circuit), expected, false), 1e-12);
  qdcnn_circuit_destroy(circuit);
}

TEST(CircuitFilesCapi, QasmExportReimportsToTheSameState) {
  qdcnn_circuit* circuit = from_qasm(kEveryGateQasm);
  ASSERT_NE(circuit, nullptr);
  const std::string text = to_qasm(circuit);
  qdcnn_circuit* again = from_qasm(text);
  ASSERT_NE(again, nullptr) << text;
  EXPECT_LT(testing::distance(run_library(circuit), run_library(again), false), 1e-12) << text;
  qdcnn_circuit_destroy(again);
  qdcnn_circuit_destroy(circuit);
}

TEST(CircuitFilesCapi, ExportBindsParametersAndUnitaries) {
  qdcnn_circuit* circuit = nullptr;
  ASSERT_EQ(qdcnn_circuit_create(2, &circuit), QDCNN_OK);
  const int32_t q0[] = {0}, q01[] = {0, 1};
  const int32_t parameter[] = {QDCNN_ANGLE_PARAMETER};
  const int32_t index1[] = {1};
  const double scale[] = {2.0}, offset[] = {0.0};
  ASSERT_EQ(qdcnn_circuit_add_gate(circuit, QDCNN_GATE_H, q0, 1, nullptr, nullptr, nullptr, nullptr, 0), QDCNN_OK);
  ASSERT_EQ(qdcnn_circuit_add_gate(circuit, QDCNN_GATE_CRY, q01, 2, parameter, index1, scale, offset, 1), QDCNN_OK)
      << last_error();
  const double c = std::cos(0.4), s = std::sin(0.4);  // a real rotation times a phase
  const double unitary[] = {c * 0.6, c * 0.8, -s, 0, s * 0.6, s * 0.8, c, 0};
  const int32_t q1[] = {1};
  ASSERT_EQ(qdcnn_circuit_add_unitary(circuit, q1, 1, unitary, 8), QDCNN_OK) << last_error();
  const std::vector<double> params = {0.0, 0.25};
  const std::string text = to_qasm(circuit, params);
  EXPECT_NE(text.find("cry(0.5) q[0],q[1];"), std::string::npos) << text;
  qdcnn_circuit* again = from_qasm(text);
  ASSERT_NE(again, nullptr);
  // u3 drops the unitary's global phase.
  EXPECT_LT(testing::distance(run_library(circuit, params), run_library(again), true), 1e-12) << text;
  qdcnn_circuit_destroy(again);
  qdcnn_circuit_destroy(circuit);
}

TEST(CircuitFilesCapi, ExportOfATwoQubitUnitaryFails) {
  qdcnn_circuit* circuit = nullptr;
  ASSERT_EQ(qdcnn_circuit_create(2, &circuit), QDCNN_OK);
  std::vector<double> identity(32, 0.0);
  for (int k = 0; k < 4; ++k) identity[2 * (k * 5)] = 1;
  const int32_t q01[] = {0, 1};
  ASSERT_EQ(qdcnn_circuit_add_unitary(circuit, q01, 2, identity.data(), identity.size()), QDCNN_OK);
  size_t required = 0;
  EXPECT_NE(qdcnn_circuit_to_qasm(circuit, nullptr, 0, nullptr, 0, nullptr, 0, &required), QDCNN_OK);
  EXPECT_NE(last_error().find("two-qubit unitary"), std::string::npos) << last_error();
  qdcnn_circuit_destroy(circuit);
}

// The benchmark's random circuit family in qsim format, plus every other qsim gate.
std::string random_qsim_circuit(int n, int cycles, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> angle(-3.14, 3.14);
  const char* rotations[] = {"rx", "ry", "rz"};
  std::string text = std::to_string(n) + "\n";
  int time = 0;
  for (int cycle = 0; cycle < cycles; ++cycle, time += 2) {
    for (int q = 0; q < n; ++q) {
      text += std::to_string(time) + " " + rotations[rng() % 3] + " " + std::to_string(q) + " " +
              std::to_string(angle(rng)) + "\n";
    }
    for (int q = cycle % 2; q + 1 < n; q += 2) {
      text += std::to_string(time + 1) + " cz " + std::to_string(q) + " " + std::to_string(q + 1) + "\n";
    }
  }
  text += std::to_string(time) + " x_1_2 0\n" + std::to_string(time) + " y_1_2 1\n" +
          std::to_string(time) + " hz_1_2 2\n" + std::to_string(time) + " rxy 3 0.4 1.2\n" +
          std::to_string(time + 1) + " is 0 2\n" + std::to_string(time + 1) + " fs 1 3 0.3 -0.8\n" +
          std::to_string(time + 2) + " cp 3 0 0.9\n" + std::to_string(time + 2) + " sw 1 2\n" +
          std::to_string(time + 3) + " cx 2 0\n" + std::to_string(time + 3) + " id2 1 3\n" +
          std::to_string(time + 4) + " p 0.3\n" + std::to_string(time + 4) + " t 1\n" +
          std::to_string(time + 4) + " s 2\n" + std::to_string(time + 4) + " h 3\n";
  return text;
}

TEST(CircuitFilesCapi, QsimRunsLikeTheReferenceFusedAndUnfused) {
  const std::string text = random_qsim_circuit(6, 8, 42);
  qdcnn_circuit* circuit = nullptr;
  ASSERT_EQ(qdcnn_circuit_from_qsim(text.data(), text.size(), &circuit), QDCNN_OK) << last_error();
  const auto expected = testing::run(parse_qsim(text), true);
  for (int32_t fusion : {0, 2, 3, 4}) {
    EXPECT_LT(testing::distance(run_library(circuit, {}, fusion), expected, false), 1e-12) << "fusion " << fusion;
  }
  qdcnn_circuit_destroy(circuit);
}

TEST(CircuitFilesCapi, ParseErrorsNameTheLine) {
  qdcnn_circuit* circuit = nullptr;
  const std::string qasm = "OPENQASM 2.0;\nqreg q[2];\nh q[0];\ncx q[0],q[5];\n";
  EXPECT_EQ(qdcnn_circuit_from_qasm(qasm.data(), qasm.size(), &circuit), QDCNN_ERROR_PARSE);
  EXPECT_EQ(circuit, nullptr);
  EXPECT_NE(last_error().find("line 4"), std::string::npos) << last_error();
  const std::string qsim = "2\n0 h 0\n1 nope 1\n";
  EXPECT_EQ(qdcnn_circuit_from_qsim(qsim.data(), qsim.size(), &circuit), QDCNN_ERROR_PARSE);
  EXPECT_EQ(circuit, nullptr);
  EXPECT_NE(last_error().find("line 3"), std::string::npos) << last_error();
  EXPECT_EQ(qdcnn_circuit_from_qasm(nullptr, 5, &circuit), QDCNN_ERROR_NULL_POINTER);
  EXPECT_EQ(qdcnn_circuit_from_qsim(qsim.data(), qsim.size(), nullptr), QDCNN_ERROR_NULL_POINTER);
}

}  // namespace
}  // namespace qdcnn::io
