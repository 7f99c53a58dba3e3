"""Reference numbers of shared-model's tests, computed with numpy/scipy (run by hand).

python3 shared-model/src/test/python/reference_numbers.py
"""
import numpy as np

# SymmetricEigenTest.matches_numpy_eigvalsh_on_a_fixed_matrix
a = np.array([[4, 1, 0.5], [1, 3, -1], [0.5, -1, 2]])
print("eigvalsh desc:", [repr(float(x)) for x in np.linalg.eigvalsh(a)[::-1]])

# StandardScalerTest: population standard deviation
print("std [1,3,5,7]:", repr(float(np.std([1, 3, 5, 7]))))

# AucTest: sklearn.metrics.roc_auc_score by the Mann-Whitney statistic
s = [0.3, 0.3, 0.1, 0.7, 0.2, 0.5]
y = [0, 1, 0, 1, 1, 0]
pos = [v for v, l in zip(s, y) if l]
neg = [v for v, l in zip(s, y) if not l]
print("auc:", sum((p > n) + 0.5 * (p == n) for p in pos for n in neg) / (len(pos) * len(neg)))
