// Observable entry points: outputs as weighted Pauli sums.
#include <string>

#include "capi/handles.h"
#include "capi/status.h"
#include "capi/validate.h"

using namespace qdcnn;
using namespace qdcnn::capi;

extern "C" {

QDCNN_API qdcnn_status qdcnn_observable_create(int32_t n_qubits, qdcnn_observable** observable) {
  return guarded(__func__, [&] {
    require_non_null(observable, "observable");
    if (n_qubits < 1 || n_qubits > QDCNN_MAX_QUBITS) {
      throw Error(n_qubits < 1 ? QDCNN_ERROR_OUT_OF_RANGE : QDCNN_ERROR_TOO_MANY_QUBITS,
                  "n_qubits = " + std::to_string(n_qubits) + " is outside 1.." +
                      std::to_string(QDCNN_MAX_QUBITS));
    }
    *observable = new qdcnn_observable(n_qubits);
  });
}

QDCNN_API qdcnn_status qdcnn_observable_destroy(qdcnn_observable* observable) {
  return guarded(__func__, [&] { delete observable; });
}

QDCNN_API qdcnn_status qdcnn_observable_add_z(qdcnn_observable* observable, int32_t qubit) {
  return guarded(__func__, [&] {
    require_non_null(observable, "observable");
    require_qubit(qubit, observable->observable.n_qubits(), "qubit", "observable");
    observable->observable.add_z(qubit);
  });
}

QDCNN_API qdcnn_status qdcnn_observable_add_term(qdcnn_observable* observable, int32_t output,
                                                 double coefficient, const int32_t* paulis,
                                                 const int32_t* qubits, size_t length) {
  return guarded(__func__, [&] {
    require_non_null(observable, "observable");
    Observable& o = observable->observable;
    if (output < 0 || output > o.n_outputs()) {
      throw Error(QDCNN_ERROR_OUT_OF_RANGE, "output = " + std::to_string(output) +
                                                " must be in 0.." + std::to_string(o.n_outputs()));
    }
    require_finite(coefficient, "coefficient");
    if (length > 0) {
      require_non_null(paulis, "paulis");
      require_non_null(qubits, "qubits");
    }
    PauliTerm term;
    term.coefficient = coefficient;
    for (size_t j = 0; j < length; ++j) {
      const std::string at = "[" + std::to_string(j) + "]";
      require_qubit(qubits[j], o.n_qubits(), "qubits" + at, "observable");
      for (size_t i = 0; i < j; ++i) {
        if (qubits[i] == qubits[j]) {
          throw Error(QDCNN_ERROR_DUPLICATE_QUBITS, "qubits[" + std::to_string(i) +
                                                        "] and qubits" + at + " are both qubit " +
                                                        std::to_string(qubits[j]));
        }
      }
      const uint64_t bit = uint64_t{1} << qubits[j];
      switch (paulis[j]) {
        case QDCNN_PAULI_I: break;
        case QDCNN_PAULI_X: term.flip_mask |= bit; break;
        case QDCNN_PAULI_Y: term.flip_mask |= bit; term.phase_mask |= bit; ++term.n_y; break;
        case QDCNN_PAULI_Z: term.phase_mask |= bit; break;
        default:
          throw Error(QDCNN_ERROR_INVALID_ARGUMENT, "paulis" + at + " = " +
                                                        std::to_string(paulis[j]) +
                                                        " is not a qdcnn_pauli");
      }
    }
    o.add_term(output, term);
  });
}

QDCNN_API qdcnn_status qdcnn_observable_count(const qdcnn_observable* observable,
                                              int32_t* n_outputs) {
  return guarded(__func__, [&] {
    require_non_null(observable, "observable");
    require_non_null(n_outputs, "n_outputs");
    *n_outputs = observable->observable.n_outputs();
  });
}

}  // extern "C"
